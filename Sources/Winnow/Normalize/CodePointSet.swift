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

  func contains(_ scalar: Unicode.Scalar) -> Bool {
    let word = Int(scalar.value >> 6)
    return word < words.count && words[word] & (1 << UInt64(scalar.value & 63)) != 0
  }
}
