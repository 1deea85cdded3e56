@testable import Winnow

/// A page for the rules that revise the verdicts after the line decider
/// (`CustomerReviewsRule`, `CookieNoticeRule`): each line with its verdict before the rule,
/// nil for a blank line.
enum RevisedPage {
  /// A line the decider kept.
  static let kept = Verdict(role: .content, rule: "test.kept")
  /// A line a rule dropped as navigation before the rule under test.
  static let menu = Verdict(role: .dropped(.navigation), rule: "test.menu")

  /// The page's verdicts before and after `rule` revised them.
  static func revise(
    _ page: [(String, Verdict?)?], by rule: (inout [Verdict?], [LineContext?]) -> Void
  ) -> (before: [Verdict?], after: [Verdict?]) {
    let before = page.map { $0?.1 }
    var after = before
    rule(&after, page.map { $0.map { LineContext($0.0, lexicons: .builtIn) } })
    return (before, after)
  }
}
