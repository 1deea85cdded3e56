/// A comment zone that carries a thread's per-post chrome is the thread, on a page the
/// page-type model did not call a forum (there `ThreadZoneRule` and the forum policy decide):
/// its posts come back as text. The chrome is at least `minimumTemplates` short lines
/// ("Share", "Improve this answer", "Follow", "Member", "Posts: 0"), each repeating
/// `minimumRepeats` times or more and recurring once per post (a line of
/// `postSeparatorTokens` tokens or more between most two of its occurrences), their counts
/// within one of each other. The zone also needs `ThreadZoneRule.minimumPosts` lines of `ThreadZoneRule.postTokens`
/// tokens and a short text kept above it: at most 300 kept tokens above it with 5 templates
/// (a title and an opening post), or at most 700 with 6 (the thread's first posts, and more
/// chrome asked of it: an article's comment box may repeat five lines); then its
/// `context.zone` drops of the tier's `restoreTokens` tokens or more come back under this
/// rule's id.
///
/// Why: 41 of 86 dev forum pages are not called forum out of source, and their posts were
/// lost to comment zones (issue 13). A zone's shape alone (little text above, many long
/// lines) is also a blog's reader comments; a thread's software repeats the same several
/// short lines around every post, a blog's comment box one or two ("Reply", a date).
/// Language-independent: the lines are compared by their tokens, numbers folded. On a page
/// called forum the forum policy's own line model has already judged the zone's lines, and
/// overriding it lost more than it gained (in sample). The thresholds are those chosen with
/// 12 of 14 groups left out (scripts/probe_thread_chrome.py); post numbers ("#4", "#5") as a
/// second evidence were chosen by none of them. A page whose posts each end in a comment box
/// of their own ("Leave a comment!" under every article of a blog's index, dragnet-T6) is no
/// thread.
struct ThreadChromeRule {
  static let id: RuleID = "context.thread-chrome"

  /// How much chrome a zone needs and which of its drops come back, by the tokens kept above
  /// it: the more text above, the more chrome a thread needs, and only its long lines return.
  struct Tier {
    /// The kept lines above the zone hold at most this many tokens.
    let maxTokensAbove: Int
    /// Distinct repeated short lines the thread's chrome has at least.
    let minimumTemplates: Int
    /// A zone line this long, in tokens, comes back.
    let restoreTokens: Int
  }

  /// The first tier is the rule of s18 (held out 12 of 14 groups); the second was chosen over
  /// it by 13 of 14 held-out groups (scripts/probe_thread_chrome.py on the binary with the
  /// first tier and `context.thread-zone` at 1000 tokens). Above 700 tokens a thread is
  /// called forum or its opening is an article.
  static let tiers = [
    Tier(maxTokensAbove: 300, minimumTemplates: 5, restoreTokens: 5),
    Tier(maxTokensAbove: 700, minimumTemplates: 6, restoreTokens: 10),
  ]
  /// A short line of the chrome repeats at least this often in the zone.
  static let minimumRepeats = 3
  /// A line this short, in tokens, can be chrome.
  static let chromeTokens = 5
  /// A line this long, in tokens, separates two posts' chrome.
  static let postSeparatorTokens = 8

  /// `fragmentTokens` gives the tokens of each page line of a run (nil: each run is one page
  /// line). The chrome is counted over the page's own lines: `FragmentRuns` joins a naive
  /// rendering's lower-case action rows ("permalink", "save", "reply"; a poster's name under
  /// "Thread starter") into one run, with each other and with the post above them, and the
  /// thresholds were chosen on page lines (wcxb-dev-0562, old Reddit: 6 templates over its
  /// lines, 1 over its runs).
  func apply(
    to verdicts: inout [Verdict?], lines: [LineContext?],
    fragmentTokens: (Int) -> [[Token]]? = { _ in nil }
  ) {
    let widest = Self.tiers.map(\.maxTokensAbove).max() ?? 0
    guard let found = ThreadZoneRule.commentZone(verdicts, lines: lines, maxTokensAbove: widest)
    else { return }
    let zone = lines[found.start...]
    let posts = zone.count(where: { ($0?.tokens.count ?? 0) >= ThreadZoneRule.postTokens })
    // Posts that each end in a comment box of their own are a blog index's articles (or a
    // Q&A's posts, which `QuestionAnswersRule` judges), not a thread's replies.
    guard posts >= ThreadZoneRule.minimumPosts,
      QuestionAnswersRule.commentBoxes(verdicts, lines: lines).count < 2
    else { return }
    let pageLines = zone.indices.flatMap { run in
      fragmentTokens(run) ?? [lines[run]?.tokens ?? []]
    }
    let templates = Self.recurringTemplates(pageLines)
    guard
      let tier = Self.tiers.first(where: {
        found.tokensAbove <= $0.maxTokensAbove && templates >= $0.minimumTemplates
      })
    else { return }
    ThreadZoneRule.restoreZoneDrops(
      &verdicts, lines: lines, from: found.start, minimumTokens: tier.restoreTokens, rule: Self.id)
  }

  /// How often a short line recurs in the zone, and between how many of its occurrences a
  /// post stands.
  private struct Occurrences {
    var count = 1
    var last: Int
    var gapsWithPost = 0
  }

  /// The most short-line templates that recur once per post with counts within one of each
  /// other, over the zone's page lines' tokens.
  static func recurringTemplates(_ zone: [[Token]]) -> Int {
    var byCount: [Int: Int] = [:]
    for count in perPostTemplates(zone).values { byCount[count, default: 0] += 1 }
    return byCount.map { $0.value + (byCount[$0.key + 1] ?? 0) }.max() ?? 0
  }

  /// The short-line templates (`template`) of the zone's page lines that repeat at least
  /// `minimumRepeats` times, once per post (a post in two thirds of the gaps between them),
  /// with their counts. One entry per distinct short line of the zone.
  static func perPostTemplates(_ zone: [[Token]]) -> [UInt64: Int] {
    perPostRepeats(
      zone.map { tokens in
        (tokens.count, tokens.count <= chromeTokens && !tokens.isEmpty ? template(tokens) : nil)
      }, separatorTokens: postSeparatorTokens)
  }

  /// The keys of `lines` (each line's token count and key; nil: no key) that repeat at least
  /// `minimumRepeats` times, once per post (a line of `separatorTokens` tokens or more in two
  /// thirds of the gaps between them), with their counts.
  static func perPostRepeats(_ lines: [(tokens: Int, key: UInt64?)], separatorTokens: Int)
    -> [UInt64: Int]
  {
    var seen: [UInt64: Occurrences] = [:]
    var lastPost = -1
    for (index, line) in lines.enumerated() {
      if line.tokens >= separatorTokens { lastPost = index }
      guard let key = line.key else { continue }
      if var entry = seen[key] {
        entry.count += 1
        if lastPost > entry.last { entry.gapsWithPost += 1 }
        entry.last = index
        seen[key] = entry
      } else {
        seen[key] = Occurrences(last: index)
      }
    }
    return seen.compactMapValues { entry in
      entry.count >= minimumRepeats && entry.gapsWithPost * 3 >= (entry.count - 1) * 2
        ? entry.count : nil
    }
  }

  /// A short line's tokens with numbers folded, as one hash: "Posts: 1,571" and "Posts: 44"
  /// are the same chrome.
  static func template(_ tokens: [Token]) -> UInt64 {
    var hash = Token.fnvOffset
    for token in tokens {
      let word = token.hasDigit ? 0 : token.hash
      hash = (hash ^ word) &* Token.fnvPrime
    }
    return hash
  }
}
