/// A set of code points stored as one bit each, for the membership tests hot loops make
/// on every scalar of a page. Sized to its largest member.
struct CodePointSet: Sendable {
  private let words: [UInt64]

  init(_ members: some Sequence<UInt32>) {
    var words: [UInt64] = []
    for value in members {
      let word = Int(value >> 6)
      if word >= words.count { words += [UInt64](repeating: 0, count: word + 1 - words.count) }
      words[word] |= 1 << UInt64(value & 63)
    }
    self.words = words
  }

  /// The code points of `ranges`, filled a word at a time (a range may span the whole
  /// code space).
  init(ranges: [ClosedRange<UInt32>]) {
    let count = ranges.map { Int($0.upperBound >> 6) + 1 }.max() ?? 0
    var words = [UInt64](repeating: 0, count: count)
    for range in ranges {
      var value = range.lowerBound
      while value <= range.upperBound {
        let bit = value & 63
        let span = min(64 - bit, range.upperBound - value + 1)
        let bits: UInt64 = span == 64 ? .max : ((1 << UInt64(span)) - 1) << UInt64(bit)
        words[Int(value >> 6)] |= bits
        value += span
      }
    }
    self.words = words
  }

  init(union sets: [CodePointSet]) {
    var words = [UInt64](repeating: 0, count: sets.map(\.words.count).max() ?? 0)
    for set in sets {
      for (index, word) in set.words.enumerated() { words[index] |= word }
    }
    self.words = words
  }

  func contains(_ scalar: Unicode.Scalar) -> Bool {
    let word = Int(scalar.value >> 6)
    return word < words.count && words[word] & (1 << UInt64(scalar.value & 63)) != 0
  }
}
