/// Drops the parts of a commenter's profile card: "粉丝", "关注", "主题", "Followers 12".
///
/// Why: seed 000 lines 35-41, the card under the comment box.
struct ProfileCardRule: LineRule {
  var id: RuleID { "builtin.profile-card" }
  let role = LineRole.dropped(.commentWidget)

  func matches(_ line: LineContext) -> Bool { line.lexicons.profileCard.covers(line) }
}
