/// Drops login-to-comment boxes and comment forms in short lines.
///
/// Why: seed 000 line 23 ("您需要登录后才可以回帖 登录 | 立即注册") and its commenter card on line 34
/// ("六月清晨搅 注册会员").
struct CommentWidgetRule: LineRule {
  var id: RuleID { "builtin.comment-widget" }
  let role = LineRole.dropped(.commentWidget)
  let opensZone: BoilerplateKind? = .commentWidget
  /// Longer lines are comments or prose that mention commenting.
  static let maxWords = 24

  func matches(_ line: LineContext) -> Bool {
    line.wordCount <= Self.maxWords && line.lexicons.commentWidget.occurs(in: line)
  }
}
