import Testing

@testable import Winnow

/// `context.cookie-notice`: a kept line of 8 tokens or more that names cookies beside what they
/// do on a website goes, in any language of the lexicons; a recipe's cookies, a short consent
/// button and lines other rules dropped keep their verdicts.
@Suite struct CookieNoticeRuleTests {
  static let gone = Verdict(role: .dropped(.legal), rule: CookieNoticeRule.id)

  /// Each line with its verdict before the rule; nil is a blank line.
  static func apply(_ page: [(String, Verdict?)?]) -> (before: [Verdict?], after: [Verdict?]) {
    RevisedPage.revise(page) { CookieNoticeRule().apply(to: &$0, lines: $1) }
  }

  /// wcxb-dev-3039 (B&H's cookie box under a product) and a consent tool's German and Finnish
  /// text.
  @Test func noticesGo() {
    let page: [(String, Verdict?)?] = [
      (
        "We use cookies to improve your web browsing experience, enhance site security, and "
          + "for marketing and promotional purposes.", RevisedPage.kept
      ),
      nil,
      (
        "Wir verwenden Cookies, um Inhalte zu personalisieren und die Zugriffe auf unsere "
          + "Website zu analysieren.", nil
      ),
      (
        "Käytämme evästeitä parantaaksemme sivuston käyttökokemusta ja kohdentaaksemme "
          + "mainontaa kumppaneidemme kanssa.", RevisedPage.kept
      ),
    ]
    let (_, after) = Self.apply(page)
    #expect(after[0] == Self.gone)
    #expect(after[2] == Self.gone)
    #expect(after[3] == Self.gone)
  }

  @Test func recipesButtonsAndDroppedLinesStay() {
    let page: [(String, Verdict?)?] = [
      (
        "Bake the cookies for twelve minutes, until the edges turn golden and the centres "
          + "are still soft.", RevisedPage.kept
      ),
      ("Accept cookies on this website", RevisedPage.kept),
      (
        "This website uses cookies to give you the best experience and to show you "
          + "advertising from our partners.", RevisedPage.menu
      ),
    ]
    let (before, after) = Self.apply(page)
    #expect(after == before)
  }
}
