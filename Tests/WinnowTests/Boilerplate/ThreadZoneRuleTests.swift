import Testing

@testable import Winnow

/// `context.thread-zone`: under a title and a short opening post, a comment zone of long posts
/// each led by a commenter line is the thread, and its posts come back while the commenter
/// lines and "Reply" buttons stay dropped; under a long article, or with few posts, or with
/// posts shorter than the text kept above them, the zone stays comments.
@Suite struct ThreadZoneRuleTests {
  static let opening = [
    "First projects with hand tools: a saw bench and a bench hook",
    "I am starting from scratch with my woodworking skills, trying to learn, test and improve "
      + "a little with every piece I make, and I would like to hear what you think of it.",
    "The first is a saw bench of cheap spruce, about a metre long, and the second a bench hook "
      + "made from the offcuts, with a cleat glued and screwed at each end.",
  ]
  static let header = "14 Replies"
  static let posts = [
    (
      "Edmund Jun 7, 2017 at 9:09 pm",
      "If you saw my first dovetails you would run screaming away from your computer, so do "
        + "not worry about the gaps in yours at all."
    ),
    (
      "Philipp Jun 7, 2017 at 10:25 pm",
      "First off, if you really are new, get any old scrap of wood and practise sawing to a "
        + "line until the cut is square across the piece and along it."
    ),
    (
      "Martha Jun 8, 2017 at 9:40 am",
      "A bench hook that rocks usually has a cleat that is not square to the board; plane the "
        + "bottom cleat flat and check it with a square before you glue it again."
    ),
    (
      "Edmund Jun 8, 2017 at 11:15 am",
      "Martha is right about the cleat, and a little paste wax on the sole of the plane makes "
        + "the whole job much easier on soft spruce like yours."
    ),
  ]

  static func zone(_ posts: ArraySlice<(String, String)>) -> [String] {
    [header] + posts.flatMap { [$0.0, $0.1, "Reply"] }
  }

  /// The verdicts of the rules and the context pass, then those after `rule` (this suite's
  /// by default).
  static func verdicts(
    _ lines: [String],
    rule: (inout [Verdict?], [LineContext?]) -> Void = {
      ThreadZoneRule().apply(to: &$0, lines: $1)
    }
  ) throws -> (before: [Verdict?], after: [Verdict?]) {
    let page = try ContextPassTests.run(lines.joined(separator: "\n")).0
    let before = page.lines.map(\.verdict)
    var after = before
    rule(&after, page.lines.map { $0.isBlank ? nil : LineContext($0.text, lexicons: .builtIn) })
    return (before, after)
  }

  @Test func aThreadUnderAShortOpeningKeepsItsPosts() throws {
    let lines = Self.opening + Self.zone(Self.posts[...])
    let (before, after) = try Self.verdicts(lines)
    for (name, post) in Self.posts {
      let index = try #require(lines.firstIndex(of: post))
      #expect(before[index] == Verdict(role: .dropped(.commentWidget), rule: ZoneRule.id))
      #expect(after[index] == Verdict(role: .content, rule: ThreadZoneRule.id))
      let commenter = try #require(lines.firstIndex(of: name))
      #expect(after[commenter] == before[commenter])
      #expect(after[commenter]?.role.isKept == false)
    }
    for index in lines.indices where lines[index] == "Reply" || lines[index] == Self.header {
      #expect(after[index] == before[index])
    }
  }

  @Test func commentsUnderALongArticleStayComments() throws {
    let article = (1...40).map { "In part \($0) of the report, \(ContextPassTests.paragraph)" }
    #expect(ListItemsRuleTests.tokens(article) > ThreadZoneRule.maxTokensAbove)
    let lines = [Self.opening[0]] + article + Self.zone(Self.posts[...])
    let (before, after) = try Self.verdicts(lines)
    #expect(before.contains { $0?.rule == ZoneRule.id })
    #expect(after == before)
  }

  /// A thread's zone often opens at a later post, with the first posts kept above it: more
  /// than an opening post's tokens above, within the bound, and the zone's posts outweigh them.
  @Test func firstPostsKeptAboveTheZoneStillLeaveAThread() throws {
    let firstPosts = (1...12).map { "In reply \($0), \(ContextPassTests.otherParagraph)" }
    let above = ListItemsRuleTests.tokens(Self.opening + firstPosts)
    let replies = Array(repeating: Self.posts, count: 5).flatMap { $0 }
    #expect(
      above > ThreadChromeRule.tiers[0].maxTokensAbove && above <= ThreadZoneRule.maxTokensAbove)
    #expect(ListItemsRuleTests.tokens(replies.map(\.1)) > above)
    let lines = Self.opening + firstPosts + Self.zone(replies[...])
    let (before, after) = try Self.verdicts(lines)
    let post = try #require(lines.firstIndex(of: Self.posts[0].1))
    #expect(before[post] == Verdict(role: .dropped(.commentWidget), rule: ZoneRule.id))
    #expect(after[post] == Verdict(role: .content, rule: ThreadZoneRule.id))
    let commenter = try #require(lines.firstIndex(of: Self.posts[0].0))
    #expect(after[commenter] == before[commenter])
  }

  @Test func twoPostsAreNoThread() throws {
    let lines = Self.opening + Self.zone(Self.posts.prefix(2))
    let (before, after) = try Self.verdicts(lines)
    #expect(before.contains { $0?.rule == ZoneRule.id })
    #expect(after == before)
  }

  /// Posts that hold less than half the tokens of the opening kept above them are its comments.
  @Test func postsFarShorterThanTheTextAboveStayComments() throws {
    let longer =
      Self.opening + (1...8).map { "In part \($0) of my notes, \(ContextPassTests.paragraph)" }
    let above = ListItemsRuleTests.tokens(longer)
    let posts = ListItemsRuleTests.tokens(Self.posts.map(\.1))
    #expect(above <= ThreadZoneRule.maxTokensAbove)
    #expect(above >= posts * ThreadZoneRule.aboveOverPosts)
    let (before, after) = try Self.verdicts(longer + Self.zone(Self.posts[...]))
    #expect(before.contains { $0?.rule == ZoneRule.id })
    #expect(after == before)
  }
}
