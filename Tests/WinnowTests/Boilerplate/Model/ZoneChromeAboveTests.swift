import Testing

@testable import Winnow

/// `zone_chrome_above`: a thread's opening post carries the chrome its replies repeat in the
/// comment zone ("Posts: 120", "Reply"), an article above a comment box carries none of it;
/// a page without a comment zone counts none.
@Suite struct ZoneChromeAboveTests {
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

  static func count(_ lines: [String]) throws -> Int {
    let page = try PageTypeTests.analysis(lines.joined(separator: "\n"))
    return ZoneChromeAbove.count(in: page) { _ in nil }
  }

  @Test func aThreadsOpeningCarriesItsRepliesChrome() throws {
    // "Posts: 0" (numbers folded) and "Reply" stand above the zone and recur once per post.
    #expect(try Self.count(Self.thread) == 2)
  }

  @Test func anArticleAboveACommentBoxCarriesNone() throws {
    #expect(try Self.count(Self.article) == 0)
  }

  @Test func aPageWithoutACommentZoneCountsNone() throws {
    #expect(try Self.count(ThreadZoneRuleTests.opening + ["Posts: 120", "Reply"]) == 0)
  }

  @Test func theCountEndsThePageTypeFeatures() throws {
    let page = try PageTypeTests.analysis(Self.thread.joined(separator: "\n"))
    let walk = PageRowWalk(
      page: page, model: LineClassifier.builtIn.first,
      scoredGroups: VerdictGroup.allCases.map { _ in false }, pageType: true)
    let values = try #require(walk.pageTypeValues)
    #expect(values.last == 2)
    #expect(PageTypeFeatures.names.last == "zone_chrome_above")
  }
}
