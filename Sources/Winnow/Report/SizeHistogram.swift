/// Documents counted by size in power-of-two bands: band 0 holds empty documents, band k
/// holds sizes from 2^(k-1) up to 2^k - 1. Text sizes span six orders of magnitude in a web
/// corpus, which equal-width bins would crush into one bar.
struct SizeHistogram {
  private(set) var counts = [Int](repeating: 0, count: Int.bitWidth + 1)

  mutating func add(_ size: Int) { counts[Self.band(of: size)] += 1 }

  static func band(of size: Int) -> Int { size <= 0 ? 0 : Int.bitWidth - size.leadingZeroBitCount }

  /// The smallest size in `band`.
  static func lowerBound(of band: Int) -> Int { band == 0 ? 0 : 1 << (band - 1) }

  /// The bands from the first to the last one used (nil when nothing was counted).
  var usedBands: ClosedRange<Int>? {
    guard let first = counts.firstIndex(where: { $0 > 0 }),
      let last = counts.lastIndex(where: { $0 > 0 })
    else { return nil }
    return first...last
  }
}

/// Documents counted by the share of their characters kept, in ten bands of 10 % (the last
/// includes 100 %).
struct ShareHistogram {
  private(set) var counts = [Int](repeating: 0, count: 10)

  /// Counts a document; documents with no characters in have no share and are skipped.
  mutating func add(kept: Int, of total: Int) {
    guard total > 0 else { return }
    let share = Double(min(max(kept, 0), total)) / Double(total)
    counts[min(9, Int(share * 10))] += 1
  }
}
