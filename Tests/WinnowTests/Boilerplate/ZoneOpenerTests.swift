import Foundation
import Testing

@testable import Winnow

/// Zone headers that are links, not sections: a comment link above the article
/// (`CommentLinkRule`) opens no zone, while the comment section under an article, a forum
/// thread's replies and a related header still do.
@Suite struct ZoneOpenerTests {
  static let paragraphs = [
    "The ministers met on Tuesday to discuss the plan, which would change how the two "
      + "countries share information about missile launches in the region.",
    "Officials said the talks were useful, and that both sides expected to meet again in "
      + "the spring to review what had been done since the last meeting.",
    "The plan has been criticised by the opposition, which says that it was agreed without "
      + "a debate in parliament and that its costs have not been published.",
    "A spokesman for the ministry said that the costs would be set out in the budget, and "
      + "that the first exchanges of data were expected before the end of the year.",
  ]
  static let comments = [
    "I think this is a good idea, but it will take years before we see whether it works at "
      + "all in practice.",
    "Nobody asked the people who live near the border what they think, which is what the "
      + "ministers should have done first.",
    "The costs will be much higher than they say, as they always are with plans of this "
      + "kind, and we will pay for it.",
  ]

  /// One sentence of running text: less than an article (`CommentLinkRule.minArticleTokens`).
  static let lede =
    "The two countries agreed on Tuesday to share what their radars see of missile launches "
    + "in the region, officials in both capitals said on Wednesday."

  static func page(_ lines: [String]) throws -> Page {
    var settings = DefaultBoilerplate.settings
    settings.lineModel = "off"
    return try DefaultBoilerplate.run(lines.joined(separator: "\n"), settings: settings).0
  }

  /// The lede above the share bar, the rest of the article under it.
  @Test func aCommentLinkInTheShareBarAboveTheArticleOpensNoZone() throws {
    let page = try Self.page(
      ["Ministers agree on a plan for sharing missile data", Self.paragraphs[0]]
        + ["Share", "Comments", "Twitter"] + Self.paragraphs.dropFirst())
    let link = page.lines[3].verdict
    #expect(link?.rule == CommentLinkRule.id)
    #expect(link?.role == .dropped(.commentWidget))
    #expect(page.text == Self.paragraphs.joined(separator: "\n"))
  }

  /// A post's meta line under the headline, "0 Comments" among its links, and the article
  /// under it split at its links as a naive scraper hands it over: no run of three
  /// paragraphs follows the counter, but no article stands above it either.
  @Test func aCommentCounterWithNoArticleAboveOpensNoZone() throws {
    let fragments = Self.paragraphs.flatMap { [$0, "people"] }
    let page = try Self.page(
      ["Ministers agree on a plan for sharing missile data", Self.lede, "Share", "0 Comments"]
        + ["Twitter"] + fragments)
    let counter = page.lines[3].verdict
    #expect(counter?.rule == CommentLinkRule.id)
    #expect(counter?.role == .dropped(.commentWidget))
    for paragraph in Self.paragraphs { #expect(page.text.contains(paragraph)) }
  }

  /// A one-sentence post whose comment header stands among chrome: replies under names and
  /// dates follow, no line of running text within the share bar's reach, so it stays a zone.
  @Test func aCommentHeaderOverRepliesUnderAOneLinePostIsStillAZone() throws {
    var lines = [Self.lede, "Share", "12 Comments", "Twitter"]
    for number in 1...6 {
      lines += ["\(number). Reader \(number)", "October 2, 2012 | Permalink", "Love it!"]
    }
    let page = try Self.page(lines + Self.comments)
    #expect(page.lines[2].verdict?.rule == "builtin.comment-header")
    #expect(page.text == Self.lede)
  }

  @Test func theCommentSectionUnderTheArticleIsStillAZone() throws {
    let page = try Self.page(Self.paragraphs + ["Comments"] + Self.comments)
    #expect(page.lines[4].verdict?.rule == "builtin.comment-header")
    #expect(page.text == Self.paragraphs.joined(separator: "\n"))
  }

  /// Replies under their posters' names and dates: no run of three paragraphs follows the
  /// header, since each reply ends at its signature and the next name.
  @Test func aThreadOfRepliesUnderAShortPostIsStillAZone() throws {
    let post = Self.paragraphs[0]
    let page = try Self.page(
      [
        post, "Replies", "1. Bob | Feb 24, 2006 | #1", Self.comments[0], Self.comments[1], "Bob",
        "2. Ann | Feb 24, 2006 | #2", Self.comments[2], Self.paragraphs[1], "Ann",
      ])
    #expect(page.lines[1].verdict?.rule == "builtin.comment-header")
    #expect(page.text == post)
  }

  @Test func aReadMoreHeaderStillOpensARelatedZone() throws {
    let teaser =
      "Another story about the talks, which went on for three days and ended without a "
      + "statement from either side"
    let page = try Self.page(Array(Self.paragraphs.prefix(2)) + ["Read more", teaser])
    #expect(page.lines[2].verdict?.rule == "builtin.related-header")
    #expect(page.lines[3].verdict?.role == .dropped(.relatedLinks))
  }
}
