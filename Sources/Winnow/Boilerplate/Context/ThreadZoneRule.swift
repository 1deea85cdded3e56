/// On a page called a forum, the comment zone may be the thread itself: the posts are the
/// page's text, and `context.zone` dropped them as comments. The zone is a thread when what
/// lies inside it is not much less than what was kept above it: at least `minimumPosts` long
/// lines (`postTokens` tokens or more) in the zone, holding more than half the tokens of the
/// kept lines above it, which hold at most `maxTokensAbove` (a title and the thread's first
/// posts, not an article). Then the zone's lines of `restoreTokens` tokens or more that
/// `context.zone` dropped come back as text under this rule's id; the short ones (commenter
/// names, dates, "Reply" buttons) stay dropped.
///
/// Why: an article's comment zone sits under a long kept article, a thread's under a title
/// and a little chrome; neither the page type's probability nor the zone's share of the lines
/// tells them apart, the text above and inside the zone does (issue 13: forum pages lost
/// their posts to comment zones). It runs after the line decider, on the pages the page-type
/// model called forum: the same test without the call brings back news pages' comments.
struct ThreadZoneRule {
  static let id: RuleID = "context.thread-zone"

  /// A post of the thread, for the evidence: a line of the zone this long, in tokens.
  static let postTokens = 20
  /// The thread has at least this many posts.
  static let minimumPosts = 3
  /// The kept lines above the zone hold at most this many tokens. A thread's zone often opens
  /// at the first quote of a later post ("X said:"), so the title and the first few posts
  /// lie above it; under the forum call 1000 was chosen with 13 of 14 groups held out (300
  /// before), scripts/probe_forum_zone_bound.py.
  static let maxTokensAbove = 1000
  /// A zone line this long, in tokens, comes back.
  static let restoreTokens = 10
  /// The posts hold more than the kept tokens above divided by this: with the first posts
  /// above the zone, the rest of the thread may be the smaller part. 2 (half) was chosen
  /// with 13 of 14 groups held out over 0 to 3 times, scripts/probe_forum_zone_bound.py.
  static let aboveOverPosts = 2

  func apply(to verdicts: inout [Verdict?], lines: [LineContext?]) {
    guard let zone = Self.commentZone(verdicts, lines: lines, maxTokensAbove: Self.maxTokensAbove)
    else { return }
    let (start, above) = (zone.start, zone.tokensAbove)
    var posts = 0
    var postTokens = 0
    for line in lines[start...] {
      guard let line, line.tokens.count >= Self.postTokens else { continue }
      posts += 1
      postTokens += line.tokens.count
    }
    guard posts >= Self.minimumPosts, postTokens * Self.aboveOverPosts > above else { return }
    Self.restoreZoneDrops(
      &verdicts, lines: lines, from: start, minimumTokens: Self.restoreTokens, rule: Self.id)
  }

  /// Gives the zone's `context.zone` drops from `start` on of `minimumTokens` tokens or more
  /// back as text under `rule`; shorter ones (names, dates, "Reply") stay dropped.
  static func restoreZoneDrops(
    _ verdicts: inout [Verdict?], lines: [LineContext?], from start: Int, minimumTokens: Int,
    rule: RuleID
  ) {
    for index in start..<lines.count where isCommentZoneDrop(verdicts[index]) {
      guard let line = lines[index], line.tokens.count >= minimumTokens else { continue }
      verdicts[index] = Verdict(role: .content, rule: rule)
    }
  }

  /// The first line of the page's comment zone (its first `context.zone` comment drop) and
  /// the tokens of the kept lines above it; nil without a zone or with more than
  /// `maxTokensAbove` kept tokens above it.
  static func commentZone(_ verdicts: [Verdict?], lines: [LineContext?], maxTokensAbove: Int) -> (
    start: Int, tokensAbove: Int
  )? {
    guard let start = verdicts.firstIndex(where: isCommentZoneDrop) else { return nil }
    var above = 0
    for index in 0..<start {
      guard let line = lines[index] else { continue }
      if case .dropped = verdicts[index]?.role { continue }
      above += line.tokens.count
      if above > maxTokensAbove { return nil }
    }
    return (start, above)
  }

  /// A line `context.zone` dropped as part of a comment zone.
  static func isCommentZoneDrop(_ verdict: Verdict?) -> Bool {
    verdict?.rule == ZoneRule.id && verdict?.role == .dropped(.commentWidget)
  }
}
