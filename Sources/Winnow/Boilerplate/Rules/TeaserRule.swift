/// Drops list items cut off with an ellipsis: teasers of other articles ("• 每经AI快讯,... ...").
///
/// Why: seed 000 lines 26-32, a "more news" list under the comment box with no header.
struct TeaserRule: LineRule {
  var id: RuleID { "builtin.teaser" }
  let role = LineRole.dropped(.relatedLinks)

  func matches(_ line: LineContext) -> Bool { line.startsWithBullet && line.endsWithEllipsis }
}
