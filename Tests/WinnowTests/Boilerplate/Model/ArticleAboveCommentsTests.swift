import Testing

@testable import Winnow

/// `ArticleAboveComments`: an article above a comment box carries none of the thread's
/// evidence and holds, bylined or not. A thread does not, whichever evidence it shows: its
/// opening post carries the chrome its replies repeat in the comment zone ("Posts: 120",
/// "Reply"), or only a header of their shape ("Pepper Pot Jun 7, 2017 at 8:28 pm"), or its
/// first posts stand above the zone with chrome of their own that recurs in it. A page without
/// a comment zone, or a zone without per-post chrome, is no article.
@Suite struct ArticleAboveCommentsTests {
  static let posts = ThreadZoneRuleTests.posts.enumerated().flatMap { number, post in
    [post.0, "Posts: \(10 + number * 7)", post.1, "Reply"]
  }
  static let zone = [ThreadZoneRuleTests.header] + posts
  static let body = ThreadZoneRuleTests.opening.dropFirst()
  static let title = ThreadZoneRuleTests.opening[0]
  static let thread = [title, "Posts: 120"] + body + ["Reply"] + zone
  static let article =
    [title] + (1...12).map { "In part \($0) of the report, \(ContextPassTests.paragraph)" } + zone

  static func holds(_ lines: [String]) throws -> Bool {
    let page = try PageTypeTests.analysis(lines.joined(separator: "\n"))
    return ArticleAboveComments.holds(in: page) { _ in nil }
  }

  @Test func anArticleAboveACommentBoxHolds() throws {
    #expect(try Self.holds(Self.article))
  }

  @Test func aBylinedArticleHolds() throws {
    // A name and a date, but not in the shape of the commenters' lines.
    let bylined = [Self.title, "By Jane Doe, June 7, 2017"] + Self.article.dropFirst()
    #expect(try Self.holds(bylined))
  }

  @Test func aThreadsOpeningPostWithItsRepliesChromeDoesNot() throws {
    // "Posts: 0" (numbers folded) and "Reply" stand above the zone and recur once per post.
    #expect(try !Self.holds(Self.thread))
  }

  @Test func aThreadsOpeningPostWithOnlyItsRepliesHeaderShapeDoesNot() throws {
    // No "Posts" or "Reply" above the zone (as fixtures/pages/thread.txt), only the header.
    let lines = [Self.title, "Pepper Pot Jun 7, 2017 at 8:28 pm"] + Self.body + Self.zone
    #expect(try !Self.holds(lines))
    #expect(try Self.holds([Self.title, "Pepper Pot"] + Self.body + Self.zone))
  }

  @Test func aThreadWhoseFirstPostsStandAboveTheZoneDoesNot() throws {
    // The zone opens at a later post; "Upvote 0 Downvote" ends each post above it and one in it.
    let first = (1...3).flatMap { number in
      ["Post \(number): \(ContextPassTests.paragraph)", "Upvote 2 Downvote"]
    }
    var zone = Self.zone
    zone.insert("Upvote 0 Downvote", at: 4)
    #expect(try !Self.holds([Self.title] + Self.body + first + zone))
    #expect(try Self.holds([Self.title] + Self.body + first + Self.zone))
  }

  @Test func aPageWithoutACommentZoneDoesNot() throws {
    #expect(try !Self.holds(ThreadZoneRuleTests.opening + ["Posts: 120", "Reply"]))
  }

  @Test func aZoneWithoutPerPostChromeDoesNot() throws {
    let plain = [ThreadZoneRuleTests.header] + ThreadZoneRuleTests.posts.flatMap { [$0.0, $0.1] }
    #expect(try !Self.holds(Self.article.prefix(13) + plain))
  }
}

/// `PostHeaderShape`: post headers of any name and time share a shape; a line without a name,
/// a number or a date word, or too long for a header, has none.
@Suite struct PostHeaderShapeTests {
  /// The line's shape, from its tokens with their ids in the lexicons (as a page's lines).
  static func key(_ line: String) -> UInt64? {
    PostHeaderShape.key(
      LineContext(line, lexicons: .builtIn).tokens, dateWords: Lexicons.builtIn.dateWords)
  }

  @Test(arguments: [
    ("Edmund Jun 7, 2017 at 9:09 pm", "Pepper Pot Jun 8, 2017 at 7:02 am"),
    ("1. BMilton | Feb 24, 2006 02:35am | #1", "12. Cephus | Feb 25, 2006 03:25am | #12"),
  ])
  func headersOfAnyNameAndTimeShareAShape(first: String, second: String) throws {
    let shape = try #require(Self.key(first))
    #expect(Self.key(second) == shape)
  }

  @Test(arguments: [
    "Reply", "Jun 7, 2017", "Edmund wrote", "Posted by Edmund on June", "By Jane Doe, June 7, 2017",
    "Edmund Jun 7, 2017 at 9:09 pm with the saw bench and the bench hook he made",
  ])
  func otherLinesHaveAnotherShapeOrNone(line: String) {
    let header = Self.key("Edmund Jun 7, 2017 at 9:09 pm")
    #expect(Self.key(line) == nil || Self.key(line) != header)
  }
}
