/// A grid of items is content: on a shop's or a catalogue's listing each item is a unit of a
/// few lines (a name, a price, a rating, "Add to Cart", "Compare") and the units repeat down
/// the page. The content score drops them all, since none is running text, and
/// `ListItemsRule` does not see them as a list, since most of their lines are short.
///
/// What tells a grid of items from a menu, a footer or a tag cloud is that the units repeat:
/// one line of the same words ("Compare", "Add to Cart", "Kanal:"; case and punctuation
/// aside) comes back every few lines, `minRepeats` times or more, with gaps of 2 to
/// `maxPeriod` lines that differ by at most a factor `maxPeriodSpread` (a menu's entries are
/// each there once). Such a line is a marker
/// when at least `minItemUnitShare` of the units between its occurrences hold an item-sized
/// content-score drop (`ListItemsRule.itemMinSize`): a schedule of one-word cells repeats too,
/// but holds no items. The stretch the marker spans, widened by one period at each end (the
/// first item before the first marker, the last after the last), gives its content-score
/// drops back as text; the markers themselves, and lines other rules dropped (prices,
/// counters), stay dropped. All of it only when the lines given back hold at least
/// `ListItemsRule.minBlockMultiple` times the tokens of the page's largest kept block: on an
/// article page the grid under it is related products.
///
/// Why: issue 13's listing and collection pages, where the content score drops the items
/// (given back, listing would gain 0.11 to 0.14 and collection 0.15 to 0.18 of page F1) and
/// the items' short lines keep their runs below `ListItemsRule`'s share of item-sized lines.
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
    // Lines of the same tokens next to each other, each group in page order; a sort, not a
    // dictionary of texts, so that no line's text is copied or hashed as a `String`.
    var keyed: [(key: UInt64, position: Int)] = []
    keyed.reserveCapacity(order.count)
    for (position, index) in order.enumerated() where !pass.lines[index]!.tokens.isEmpty {
      keyed.append((pass.lines[index]!.tokensKey, position))
    }
    keyed.sort { ($0.key, $0.position) < ($1.key, $1.position) }
    var isMarker = [Bool](repeating: false, count: order.count)
    var isGiven = isMarker
    var start = 0
    while start < keyed.count {
      var end = start + 1
      while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
      if end - start >= Self.minRepeats {
        let positions = keyed[start..<end].map(\.position)
        if let stretch = itemStretch(positions, order: order, in: pass) {
          for position in positions { isMarker[position] = true }
          for position in stretch where pass.isScoreDrop(order[position]) {
            isGiven[position] = true
          }
        }
      }
      start = end
    }
    let given = order.indices.filter { isGiven[$0] && !isMarker[$0] }.map { order[$0] }
    let tokens = given.reduce(0) { $0 + pass.lines[$1]!.tokens.count }
    guard !given.isEmpty,
      tokens >= ListItemsRule.minBlockMultiple * LargestKeptBlock(in: pass).tokens
    else { return }
    for index in given { pass.verdicts[index] = Verdict(role: .content, rule: Self.id) }
  }

  /// The positions (in `order`, the page's non-blank lines) of the items a marker at
  /// `positions` separates, or nil when its occurrences are not a regular grid of items.
  private func itemStretch(
    _ positions: [Int], order: [Int], in pass: ContextPass
  ) -> ClosedRange<Int>? {
    var gaps: [Int] = []
    gaps.reserveCapacity(positions.count - 1)
    for (earlier, later) in zip(positions, positions.dropFirst()) { gaps.append(later - earlier) }
    guard let shortest = gaps.min(), let longest = gaps.max(), shortest >= 2,
      longest <= Self.maxPeriod, longest <= Self.maxPeriodSpread * shortest
    else { return nil }
    var unitsWithItem = 0
    for (earlier, later) in zip(positions, positions.dropFirst()) {
      let holdsItem = (earlier..<later).contains { position in
        let index = order[position]
        return pass.isScoreDrop(index) && pass.lines[index]!.size >= ListItemsRule.itemMinSize
      }
      if holdsItem { unitsWithItem += 1 }
    }
    guard Double(unitsWithItem) >= Self.minItemUnitShare * Double(gaps.count) else { return nil }
    let period = gaps.sorted()[gaps.count / 2]
    return max(0, positions[0] - period + 1)...min(order.count - 1, positions.last! + period - 1)
  }
}
