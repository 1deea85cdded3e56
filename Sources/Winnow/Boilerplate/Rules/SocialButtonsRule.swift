/// Drops lines made only of share buttons and network names ("Tweet", "Share 12 Facebook").
///
/// Why: seed 002 line 102 ("Tweet").
struct SocialButtonsRule: LineRule {
  var id: RuleID { "builtin.social" }
  let role = LineRole.dropped(.social)

  func matches(_ line: LineContext) -> Bool { line.lexicons.social.covers(line) }
}
