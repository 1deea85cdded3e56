/// A related-links zone on a page with no article, holding more text than the page kept, is
/// the page's list: a listing's "Top Stories", "Latest" or "See also" header above its first
/// items opened a zone that ran over every item after it (headlines and one-line teasers are
/// never two lines of running text in a row, which is what ends a related zone). The page has
/// no article when its kept lines hold at most `maxRunningText` tokens in lines of
/// `runningTextTokens` tokens or more (a title, an intro, a menu, a few kept headlines: no
/// paragraphs), and the zone is the page's largest unit when its `context.zone` drops hold at
/// least `minShareMultiple` times the tokens of every line kept on the page. Then those drops
/// come back as text under this rule's id; lines other rules dropped inside the zone (dates,
/// counters, "Read more") stay dropped.
///
/// Why: issue 13's census of listing pages (on pages the page-type model called prose, 8,254
/// gold tokens lost to related zones, block rendering). Next to an article, above or under it,
/// a related list stays dropped: the article's paragraphs are running text. It runs after the
/// line decider on every page but those called forum (there `ThreadZoneRule` decides): the same
/// restore made for the pages called items only did not hold out of source, since listings are
/// mostly not called items. Comment zones are left alone: a short blog post above its reader
/// comments passes the same test, and on the naive rendering an article split at its links
/// holds few lines of running text. The thresholds are those wcxb's domain folds chose
/// (docs/boilerplate.md, "A related zone that is the page's list").
struct ListZoneRule {
  static let id: RuleID = "context.list-zone"

  /// A kept line this long, in tokens, is running text (a paragraph, not a headline).
  static let runningTextTokens = 20
  /// The page's kept lines hold at most this many tokens of running text (one sentence of
  /// intro, not an article).
  static let maxRunningText = 30
  /// The zone's drops hold at least this multiple of the tokens of the page's kept lines.
  static let minShareMultiple = 2

  func apply(to verdicts: inout [Verdict?], lines: [LineContext?]) {
    var keptTokens = 0
    var runningText = 0
    for index in lines.indices where !Self.isDropped(verdicts[index]) {
      let tokens = lines[index]?.tokens.count ?? 0
      keptTokens += tokens
      if tokens >= Self.runningTextTokens { runningText += tokens }
    }
    guard runningText <= Self.maxRunningText else { return }
    var zone: [Int] = []
    var zoneTokens = 0
    for index in lines.indices {
      guard let line = lines[index] else { continue }
      if Self.isRelatedZoneDrop(verdicts[index]) {
        zone.append(index)
        zoneTokens += line.tokens.count
      } else if !Self.isDropped(verdicts[index]) {
        restore(&zone, tokens: &zoneTokens, keptTokens: keptTokens, in: &verdicts)
      }
    }
    restore(&zone, tokens: &zoneTokens, keptTokens: keptTokens, in: &verdicts)
  }

  /// Gives the zone's drops back when they outweigh the page's kept text, and empties it.
  private func restore(
    _ zone: inout [Int], tokens: inout Int, keptTokens: Int, in verdicts: inout [Verdict?]
  ) {
    defer {
      zone.removeAll(keepingCapacity: true)
      tokens = 0
    }
    guard tokens > 0, tokens >= Self.minShareMultiple * keptTokens else { return }
    for index in zone { verdicts[index] = Verdict(role: .content, rule: Self.id) }
  }

  /// A line `context.zone` dropped as part of a related-links zone.
  static func isRelatedZoneDrop(_ verdict: Verdict?) -> Bool {
    verdict?.rule == ZoneRule.id && verdict?.role == .dropped(.relatedLinks)
  }

  /// Dropped by any rule (the title, bylines and dates count as kept: the record holds them).
  static func isDropped(_ verdict: Verdict?) -> Bool {
    guard case .dropped = verdict?.role else { return false }
    return true
  }
}
