import Testing

@testable import Winnow

/// `BodyStart`: a little running text in the page's head, cut off by a menu from the article,
/// is not where the body starts; a short article is still its own body.
@Suite struct BodyStartTests {
  /// An archive's toolbar blurb: one sentence of running text above the site's menu.
  static let blurb =
    "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
    + "Archive, and these data are added to the archive after an embargo period."
  static let menu = (1...BodyStart.islandGap).map { "Section \($0)" }
  static let article = [
    ContextPassTests.paragraph, ContextPassTests.otherParagraph, ContextPassTests.paragraph,
  ]

  /// The rule behind each line's verdict, the line classifier off.
  static func rules(_ text: String) throws -> [RuleID?] {
    try ContextPassTests.run(text).0.lines.map { $0.verdict?.rule }
  }

  @Test func aBlurbAboveTheMenuIsNoBody() throws {
    // The comment link above the article ("Comments: 0", then its chrome) opened a zone that
    // ran over the article when the blurb was taken for the body.
    let chrome = ["Comments: 0", "Read Comments"] + Self.menu
    let lines = [Self.blurb] + Self.menu + chrome + Self.article
    let roles = try ContextPassTests.roles(lines.joined(separator: "\n"))
    #expect(roles.suffix(Self.article.count).allSatisfy { $0 == .content })
  }

  @Test func aJoinedBlurbAboveTheMenuIsDropped() throws {
    // The capture box as a naive scraper hands it over: its fragments join into one sentence
    // that the content score keeps; above the menu and the article it is the page's chrome,
    // and a related header between it and the article opens no zone over the article.
    let box = [
      "Alexa Crawls", "Starting in 1996,", "Alexa Internet",
      "has been donating their crawl data to the Internet Archive. Flowing in every day,",
      "these data are added to the", "Wayback Machine", "after an embargo period.",
    ]
    let lines = box + Self.menu + ["Most Popular"] + Self.menu + Self.article
    let rules = try Self.rules(lines.joined(separator: "\n"))
    #expect(rules[1..<box.count].allSatisfy { $0 == HeadIslandRule.id })
    let roles = try ContextPassTests.roles(lines.joined(separator: "\n"))
    #expect(roles.suffix(Self.article.count).allSatisfy { $0 == .content })
  }

  @Test func anUnjoinedBlurbIsLeftToTheContentScore() throws {
    // The same sentence on one line of its own (the block rendering) is no joined island.
    let lines = [Self.blurb] + Self.menu + Self.article
    let rules = try Self.rules(lines.joined(separator: "\n"))
    #expect(rules.first != HeadIslandRule.id)
  }

  @Test func aShortArticleIsStillTheBody() throws {
    // The only running text of the page: the comment section under it is still a zone.
    let lines =
      [Self.blurb] + Self.menu + ["Comments", "1. Jane says:", ContextPassTests.paragraph]
    let roles = try ContextPassTests.roles(lines.joined(separator: "\n"))
    #expect(roles.last == .dropped(.commentWidget))
  }

  @Test func aPostWhoseCommentsAreLongerIsStillTheBody() throws {
    // The post shares its words with the comments under it: they answer it.
    let longArticle = Self.article + [ContextPassTests.otherParagraph, ContextPassTests.paragraph]
    let post = longArticle.prefix(4).joined(separator: " ")
    let comments = longArticle.enumerated().flatMap { number, text in
      ["Reader \(number + 1)", "March \(number + 1), 2024 at 10:04", text]
    }
    let lines = [post] + Self.menu + ["Comments"] + comments
    let roles = try ContextPassTests.roles(lines.joined(separator: "\n"))
    #expect(roles.first == .content)
    #expect(roles.last == .dropped(.commentWidget))
  }
}
