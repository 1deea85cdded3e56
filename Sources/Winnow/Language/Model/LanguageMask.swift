/// A set of a model's language indices (below `NgramTable.maximumLanguages`) as two words of
/// bits: the candidates still to be scored at a letter are ANDed with an n-gram's language mask,
/// so scoring visits only the postings it needs.
struct LanguageMask: Equatable, Sendable {
  var low: UInt64 = 0
  var high: UInt64 = 0

  init() {}

  init(_ indices: some Sequence<Int>) {
    for index in indices { insert(index) }
  }

  var isEmpty: Bool { low | high == 0 }

  @inline(__always)
  func contains(_ index: Int) -> Bool {
    index < 64 ? low >> index & 1 != 0 : high >> (index - 64) & 1 != 0
  }

  @inline(__always)
  mutating func insert(_ index: Int) {
    if index < 64 { low |= 1 << index } else { high |= 1 << (index - 64) }
  }

  @inline(__always)
  mutating func remove(_ index: Int) {
    if index < 64 { low &= ~(1 << index) } else { high &= ~(1 << (index - 64)) }
  }
}
