import Testing

@testable import Winnow

/// `context.thread-chrome`: under a short opening, a comment zone whose every post carries the
/// same several short lines ("Share", "Quote", "Member", "Posts: 1,571", "Reply") is a thread
/// and its posts come back; a blog's comments, each followed by "Reply" alone, stay comments,
/// and so does five lines' chrome under a long article; six come back under up to 700 tokens.
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

  /// Five lines of chrome under more than an opening post's text are an article's comment box.
  @Test func chromeUnderALongArticleStaysComments() throws {
    let above = ListItemsRuleTests.tokens(Self.article)
    #expect(above > ThreadChromeRule.tiers[0].maxTokensAbove)
    #expect(above <= ThreadChromeRule.tiers[1].maxTokensAbove)
    let (before, after) = try Self.verdicts(Self.article + Self.zone(Self.chrome))
    #expect(before.contains { $0?.rule == ZoneRule.id })
    #expect(after == before)
  }

  /// Six lines of chrome around every post under the thread's first posts (more than an
  /// opening, within the second tier's bound): the posts come back, the chrome stays dropped.
  @Test func moreChromeUnderTheFirstPostsIsAThread() throws {
    let lines = Self.article + Self.zone { Self.chrome($0) + ["Follow"] }
    let (before, after) = try Self.verdicts(lines)
    for (name, post) in Thread.posts {
      let index = try #require(lines.firstIndex(of: post))
      #expect(before[index] == Verdict(role: .dropped(.commentWidget), rule: ZoneRule.id))
      #expect(after[index] == Verdict(role: .content, rule: ThreadChromeRule.id))
      let commenter = try #require(lines.firstIndex(of: name))
      #expect(after[commenter] == before[commenter])
    }
  }

  /// Above the second tier's bound the chrome stays comments, however much of it there is.
  @Test func chromeUnderALongerArticleStaysComments() throws {
    let article =
      Thread.opening + (1...30).map { "In part \($0) of my build, \(ContextPassTests.paragraph)" }
    #expect(ListItemsRuleTests.tokens(article) > ThreadChromeRule.tiers[1].maxTokensAbove)
    let (before, after) = try Self.verdicts(article + Self.zone { Self.chrome($0) + ["Follow"] })
    #expect(before.contains { $0?.rule == ZoneRule.id })
    #expect(after == before)
  }

  /// Posts that each end in a comment box of their own ("Add a comment", a blog index's
  /// articles) are no thread's replies, whatever chrome they share.
  @Test func postsEachEndingInACommentBoxAreNoThread() throws {
    let box = "Add a comment"
    let lines = Thread.opening + Self.zone { Self.chrome($0) + [box] }
    let (before, after) = try Thread.verdicts(lines) { verdicts, contexts in
      // Each box as `builtin.comment-widget` drops it on a blog's index (dragnet-T6); here the
      // context pass took the last line of each post's chrome for an item's link.
      for index in lines.indices where lines[index] == box {
        verdicts[index] = Verdict(role: .dropped(.commentWidget), rule: CommentWidgetRule().id)
      }
      let boxes = verdicts
      ThreadChromeRule().apply(to: &verdicts, lines: contexts)
      #expect(verdicts == boxes)
    }
    #expect(before.contains { $0?.rule == ZoneRule.id })
    #expect(after.contains { $0?.rule == ThreadChromeRule.id } == false)
  }

  /// The chrome is counted over the page's own lines when the runs joined them: with each
  /// post's five chrome lines one run (as `FragmentRuns` joins lower-case action rows), the
  /// runs alone repeat no short line, and the page lines of the runs still make the thread.
  @Test func chromeIsCountedOverThePageLinesOfARun() throws {
    let chrome = Self.chrome(2)
    let runs = Thread.opening + Self.zone { _ in [chrome.joined(separator: " ")] }
    let (before, runsAlone) = try Self.verdicts(runs)
    #expect(runsAlone == before)
    let (_, pageLines) = try Thread.verdicts(runs) { verdicts, lines in
      ThreadChromeRule().apply(to: &verdicts, lines: lines) { run in
        runs[run] == chrome.joined(separator: " ") ? chrome.map { Token.split($0) } : nil
      }
    }
    for (_, post) in Thread.posts {
      let index = try #require(runs.firstIndex(of: post))
      #expect(pageLines[index] == Verdict(role: .content, rule: ThreadChromeRule.id))
    }
  }
}
