/// A cookie notice printed in a page's text is the site's, not the page's: a kept line of
/// `minimumTokens` or more that names cookies (`cookie_words`: "cookies", "Cookies",
/// "evästeet") beside a word of what cookies do on a website (`cookie_context`: "website",
/// "browser", "consent", "third parties", "advertising", "personal data") goes, under this
/// rule's id (kind legal). It runs on every page after the line decider, and only takes kept
/// lines out.
///
/// Why: a consent banner or a consent tool's whole text ("We use cookies to improve your web
/// browsing experience, enhance site security ...") is kept as prose on pages of every kind
/// and site: a cookie box on a product page, a shop's cookie table, a news site's notice.
/// `builtin.legal` drops a short line with "we use cookies" but no long one, since a long
/// line is prose unless it carries a strong mark. Two words are that mark for cookies: a
/// recipe's cookies have no browser, and a notice always names the site, its partners or
/// the reader's consent (docs/boilerplate.md, s22).
struct CookieNoticeRule {
  static let id: RuleID = "context.cookie-notice"

  /// Shorter lines are a consent box's buttons and titles ("Cookie settings"), which other
  /// rules and the line decider judge.
  static let minimumTokens = 8

  func apply(to verdicts: inout [Verdict?], lines: [LineContext?]) {
    for index in lines.indices {
      guard let line = lines[index], line.tokens.count >= Self.minimumTokens,
        verdicts[index].map({ $0.role.isKept }) ?? true,
        line.lexicons.cookieWords.occurs(in: line), line.lexicons.cookieContext.occurs(in: line)
      else { continue }
      verdicts[index] = Verdict(role: .dropped(.legal), rule: Self.id)
    }
  }
}
