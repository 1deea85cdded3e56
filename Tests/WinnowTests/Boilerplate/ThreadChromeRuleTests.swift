import Testing

@testable import Winnow

/// `context.thread-chrome`: under a short opening, a comment zone whose every post carries the
/// same several short lines ("Share", "Quote", "Member", "Posts: 1,571", "Reply") is a thread
/// and its posts come back; a blog's comments, each followed by "Reply" alone, stay comments,
/// and so does the chrome under a long article.
@Suite struct ThreadChromeRuleTests {
  typealias Thread = ThreadZoneRuleTests

  /// The zone of `Thread.posts`, each post followed by `chrome(postNumber)`.
  static func zone(_ chrome: (Int) -> [String]) -> [String] {
    [Thread.header]
      + Thread.posts.enumerated().flatMap { [$0.element.0, $0.element.1] + chrome($0.offset + 2) }
  }

  /// An article under which a thread's chrome stays comments.
  static let article =
    Thread.opening + (1...14).map { "In part \($0) of my build, \(ContextPassTests.paragraph)" }
  /// The chrome around post `number`: five short lines, one of them with a number.
  static func chrome(_ number: Int) -> [String] {
    ["Share", "Quote", "Member", "Posts: \(number * 731)", "Reply"]
  }

  static func verdicts(_ lines: [String]) throws -> (before: [Verdict?], after: [Verdict?]) {
    try Thread.verdicts(lines) { ThreadChromeRule().apply(to: &$0, lines: $1) }
  }

  @Test func postsWithTheSameChromeAroundEachComeBack() throws {
    let lines = Thread.opening + Self.zone(Self.chrome)
    let (before, after) = try Self.verdicts(lines)
    for (_, post) in Thread.posts {
      let index = try #require(lines.firstIndex(of: post))
      #expect(before[index] == Verdict(role: .dropped(.commentWidget), rule: ZoneRule.id))
      #expect(after[index] == Verdict(role: .content, rule: ThreadChromeRule.id))
    }
    // The chrome itself is shorter than a line that comes back.
    for index in lines.indices
    where Self.chrome(2).contains(lines[index]) || lines[index].hasPrefix("Posts: ") {
      #expect(after[index] == before[index])
    }
  }

  /// A blog's comments: each followed by "Reply" only, the zone's shape alone is no thread.
  @Test func commentsFollowedByReplyAloneStayComments() throws {
    let lines = Thread.opening + Self.zone { _ in ["Reply"] }
    let (before, after) = try Self.verdicts(lines)
    #expect(before.contains { $0?.rule == ZoneRule.id })
    #expect(after == before)
  }

  /// Chrome that does not recur once per post (an archive list of months, all in one block
  /// under the comments) is no thread's chrome.
  @Test func aBlockOfRepeatedLinksIsNoChrome() throws {
    let archive = (1...3).flatMap { _ in ["January", "February", "March", "April", "May"] }
    let lines = Thread.opening + Self.zone { _ in ["Reply"] } + archive
    let (before, after) = try Self.verdicts(lines)
    #expect(after == before)
  }

  @Test func chromeUnderALongArticleStaysComments() throws {
    #expect(ListItemsRuleTests.tokens(Self.article) > ThreadChromeRule.maxTokensAbove)
    let (before, after) = try Self.verdicts(Self.article + Self.zone(Self.chrome))
    #expect(before.contains { $0?.rule == ZoneRule.id })
    #expect(after == before)
  }
}
