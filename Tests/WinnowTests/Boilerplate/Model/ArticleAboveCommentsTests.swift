import Testing

@testable import Winnow

/// `ArticleAboveComments`: a thread's opening post carries the chrome its replies repeat in
/// the comment zone ("Posts: 120", "Reply"), an article above a comment box carries none of
/// it; a page without a comment zone, or a zone without per-post chrome, is no article.
@Suite struct ArticleAboveCommentsTests {
  static let posts = ThreadZoneRuleTests.posts.enumerated().flatMap { number, post in
    [post.0, "Posts: \(10 + number * 7)", post.1, "Reply"]
  }
  static let zone = [ThreadZoneRuleTests.header] + posts
  static let thread =
    [ThreadZoneRuleTests.opening[0], "Posts: 120"] + ThreadZoneRuleTests.opening.dropFirst()
    + ["Reply"] + zone
  static let article =
    [ThreadZoneRuleTests.opening[0]]
    + (1...12).map { "In part \($0) of the report, \(ContextPassTests.paragraph)" } + zone

  static func holds(_ lines: [String]) throws -> Bool {
    let page = try PageTypeTests.analysis(lines.joined(separator: "\n"))
    return ArticleAboveComments.holds(in: page) { _ in nil }
  }

  @Test func anArticleAboveACommentBoxHolds() throws {
    #expect(try Self.holds(Self.article))
  }

  @Test func aThreadsOpeningPostDoesNot() throws {
    // "Posts: 0" (numbers folded) and "Reply" stand above the zone and recur once per post.
    #expect(try !Self.holds(Self.thread))
  }

  @Test func aPageWithoutACommentZoneDoesNot() throws {
    #expect(try !Self.holds(ThreadZoneRuleTests.opening + ["Posts: 120", "Reply"]))
  }

  @Test func aZoneWithoutPerPostChromeDoesNot() throws {
    let plain = [ThreadZoneRuleTests.header] + ThreadZoneRuleTests.posts.flatMap { [$0.0, $0.1] }
    #expect(try !Self.holds(Self.article.prefix(13) + plain))
  }
}
