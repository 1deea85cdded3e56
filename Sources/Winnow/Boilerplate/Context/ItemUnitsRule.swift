/// A grid of items is content: on a shop's or a catalogue's listing each item is a unit of a
/// few lines (a name, a price, a rating, "Add to Cart", "Compare") and the units repeat down
/// the page. The content score drops them all, since none is running text, and
/// `ListItemsRule` does not see them as a list, since most of their lines are short.
///
/// What tells a grid of items from a menu, a footer or a tag cloud is that the units repeat:
/// one line of the same words ("Compare", "Add to Cart", "Kanal:"; case and punctuation
/// aside) comes back every few lines, `minRepeats` times or more, with gaps of 2 to
/// `maxPeriod` lines that differ by at most a factor `maxPeriodSpread` (a menu's entries are
/// each there once). A news listing's units (a headline, a teaser, a date) share no line of
/// the same words, but each holds a date: the lines the built-in rules took for a date mark
/// such units as one line would. Such a line is a marker
/// when at least `minItemUnitShare` of the units between its occurrences hold an item-sized
/// drop it may overrule (`ListItemsRule.itemMinSize`): a schedule of one-word cells repeats too,
/// but holds no items. The stretch the marker spans, widened by one period at each end (the
/// first item before the first marker, the last after the last), gives its content-score
/// drops back as text, and the drops that only guessed from a line's place (above the title,
/// in a related zone: `isGridDrop`); the markers themselves, and lines other rules dropped
/// (prices, counters), stay dropped. All of it only when the lines given back hold at least
/// `ListItemsRule.minBlockMultiple` times the tokens of the page's largest kept block: on an
/// article page the grid under it is related products.
///
/// Why: issue 13's listing and collection pages, where the content score drops the items
/// (given back, listing would gain 0.11 to 0.14 and collection 0.15 to 0.18 of page F1) and
/// the items' short lines keep their runs below `ListItemsRule`'s share of item-sized lines;
/// dates as markers: the listings of news and blog fronts whose teasers the content score
/// dropped (docs/boilerplate.md, s23).
struct ItemUnitsRule: ContextRule {
  static let id: RuleID = "context.item-units"
  static let evidence = ContextEvidence.contentScore

  /// A marker comes back at least this many times.
  static let minRepeats = 6
  /// A marker comes back within this many lines (blank lines not counted).
  static let maxPeriod = 40
  /// The longest gap between a marker's occurrences is at most this multiple of the shortest.
  static let maxPeriodSpread = 2
  /// At least this share of the units between a marker's occurrences hold an item.
  static let minItemUnitShare = 0.8

  func apply(to pass: inout ContextPass) {
    let order = pass.lines.indices.filter { pass.present[$0] }
    var isMarker = [Bool](repeating: false, count: order.count)
    var isGiven = isMarker
    var articleAbove: [Bool]? = nil
    for positions in markerCandidates(order, in: pass) {
      if articleAbove == nil { articleAbove = Self.articleAbove(order, in: pass) }
      guard let grid = itemStretch(positions, order: order, articleAbove: articleAbove!, in: pass)
      else { continue }
      for position in positions { isMarker[position] = true }
      for position in grid.stretch
      where Self.isGridDrop(order[position], in: pass, zones: grid.overrulesZones) {
        isGiven[position] = true
      }
    }
    let given = order.indices.filter { isGiven[$0] && !isMarker[$0] }.map { order[$0] }
    let tokens = given.reduce(0) { $0 + pass.lines[$1]!.tokens.count }
    guard !given.isEmpty,
      tokens >= ListItemsRule.minBlockMultiple * LargestKeptBlock(in: pass).tokens
    else { return }
    for index in given { pass.verdicts[index] = Verdict(role: .content, rule: Self.id) }
  }

  /// The groups of lines that may mark a grid's units, as positions in `order` (the page's
  /// non-blank lines), each in page order and at least `minRepeats` long: the runs of dated
  /// lines (`dateRuns`) and the lines of the same tokens.
  private func markerCandidates(_ order: [Int], in pass: ContextPass) -> [[Int]] {
    var candidates = Self.dateRuns(order, in: pass)
    // Lines of the same tokens next to each other, each group in page order; a sort, not a
    // dictionary of texts, so that no line's text is copied or hashed as a `String`.
    var keyed: [(key: UInt64, position: Int)] = []
    keyed.reserveCapacity(order.count)
    for (position, index) in order.enumerated() where !pass.lines[index]!.tokens.isEmpty {
      keyed.append((pass.lines[index]!.tokensKey, position))
    }
    keyed.sort { ($0.key, $0.position) < ($1.key, $1.position) }
    var start = 0
    while start < keyed.count {
      var end = start + 1
      while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
      if end - start >= Self.minRepeats {
        candidates.append(keyed[start..<end].map(\.position))
      }
      start = end
    }
    return candidates
  }

  /// The lines the built-in rules took for a date, in runs of at least `minRepeats` whose
  /// gaps keep within `maxPeriod` and `maxPeriodSpread` (a date where a run breaks begins
  /// the next one). A teaser's date is its unit's marker although no two dates read the same
  /// ("Ashley Belanger – 3/6/2026 | 86", "January 29, 2026"); the page's own date above the
  /// grid, or a sidebar of dated headlines beside it, parts the runs rather than spoiling the
  /// grid's regular gaps.
  private static func dateRuns(_ order: [Int], in pass: ContextPass) -> [[Int]] {
    var runs: [[Int]] = []
    var run: [Int] = []
    var shortest = Int.max
    var longest = 0
    for (position, index) in order.enumerated() where pass.dated[index] {
      if let last = run.last {
        let gap = position - last
        if gap > maxPeriod {
          if run.count >= minRepeats { runs.append(run) }
          (run, shortest, longest) = ([], Int.max, 0)
        } else if max(gap, longest) > maxPeriodSpread * min(gap, shortest) {
          // An irregular gap: the last date starts the next run.
          if run.count >= minRepeats { runs.append(run) }
          (run, shortest, longest) = ([last], gap, gap)
        } else {
          (shortest, longest) = (min(shortest, gap), max(longest, gap))
        }
      }
      run.append(position)
    }
    if run.count >= minRepeats { runs.append(run) }
    return runs
  }

  /// The positions (in `order`, the page's non-blank lines) of the items a marker at
  /// `positions` separates, and whether they may overrule a related zone; nil when its
  /// occurrences are not a regular grid of items. `articleAbove` is `articleAbove(_:in:)`.
  private func itemStretch(
    _ positions: [Int], order: [Int], articleAbove: [Bool], in pass: ContextPass
  ) -> (stretch: ClosedRange<Int>, overrulesZones: Bool)? {
    var gaps: [Int] = []
    gaps.reserveCapacity(positions.count - 1)
    for (earlier, later) in zip(positions, positions.dropFirst()) { gaps.append(later - earlier) }
    guard let shortest = gaps.min(), let longest = gaps.max(), shortest >= 2,
      longest <= Self.maxPeriod, longest <= Self.maxPeriodSpread * shortest
    else { return nil }
    let period = gaps.sorted()[gaps.count / 2]
    let stretch =
      max(0, positions[0] - period + 1)...min(order.count - 1, positions.last! + period - 1)
    let zones = !articleAbove[stretch.lowerBound]
    var unitsWithItem = 0
    for (earlier, later) in zip(positions, positions.dropFirst()) {
      let holdsItem = (earlier..<later).contains { position in
        let index = order[position]
        return Self.isGridDrop(index, in: pass, zones: zones)
          && pass.lines[index]!.size >= ListItemsRule.itemMinSize
      }
      if holdsItem { unitsWithItem += 1 }
    }
    guard Double(unitsWithItem) >= Self.minItemUnitShare * Double(gaps.count) else { return nil }
    return (stretch, zones)
  }

  /// For each position in `order`, whether an article stands before it: two kept lines of
  /// running text in a row (`ListZoneRule.runningTextTokens` tokens or more each, what ends a
  /// zone). A listing's teasers are never two in a row: a date, a byline or a marker stands
  /// between them.
  private static func articleAbove(_ order: [Int], in pass: ContextPass) -> [Bool] {
    var above: [Bool] = []
    above.reserveCapacity(order.count)
    var seen = false
    var afterParagraph = false
    for index in order {
      above.append(seen)
      let isParagraph =
        pass.verdicts[index]?.role.isKept == true
        && pass.lines[index]!.tokens.count >= ListZoneRule.runningTextTokens
      if isParagraph && afterParagraph { seen = true }
      afterParagraph = isParagraph
    }
    return above
  }

  /// A drop that a grid's repeated units overrule: by the content score, by position above
  /// the title, or, with `zones`, in a related-links zone. A grid is its own evidence that
  /// its lines are the page's items, and those verdicts only guessed from where the lines
  /// stand: on a listing without running text above its footer, the title was looked for
  /// under the grid, and everything above it (the grid too) fell as chrome above the title;
  /// a "Top Stories" or "Latest" header above the first item opened a related zone over all
  /// of them. A related zone is overruled only with no article above the grid (`zones`):
  /// under a short article, a stream of teasers repeats its units too, and is related news.
  /// Lines dropped by a cue of their own (prices, counters, "Reply") stay dropped.
  private static func isGridDrop(_ index: Int, in pass: ContextPass, zones: Bool) -> Bool {
    if pass.isScoreDrop(index) { return true }
    guard let verdict = pass.verdicts[index] else { return false }
    return verdict.rule == AboveTitleRule.id
      || (zones && verdict.rule == ZoneRule.id && verdict.role == .dropped(.relatedLinks))
  }
}
