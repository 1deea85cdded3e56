/// Full-width Latin letters and digits (`Ｗｉｎｄｏｗｓ １０`) become ASCII when they stand in
/// Latin text; next to Han, kana or Hangul they are a deliberate CJK style and stay.
/// Counted under `normalization`.
struct FullwidthASCIIRepair: LineRepair {
  /// Full-width digits and letters; subtracting `offset` gives their ASCII twin.
  static let alphanumerics: [ClosedRange<UInt32>] = [
    0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A,
  ]
  static let offset: UInt32 = 0xFEE0

  static func isFullwidthAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    alphanumerics.contains { $0.contains(scalar.value) }
  }

  var trigger: RepairTrigger { RepairTrigger(characters: Self.alphanumerics) }

  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    var changes = 0
    var start = 0
    while start < scalars.count {
      guard Self.isFullwidthAlphanumeric(scalars[start]) else {
        start += 1
        continue
      }
      var end = start
      while end < scalars.count && Self.isFullwidthAlphanumeric(scalars[end]) { end += 1 }
      if isLatinContext(scalars, before: start, after: end) {
        for index in start..<end {
          scalars[index] = Unicode.Scalar(scalars[index].value - Self.offset)!
        }
        changes += end - start
      }
      start = end
    }
    guard changes > 0 else { return false }
    report.count(.normalization, changes)
    return true
  }

  /// The nearest letters on both sides of the run: at least one is Latin, none is CJK.
  private func isLatinContext(_ scalars: [Unicode.Scalar], before start: Int, after end: Int)
    -> Bool
  {
    let previous = scalars[..<start].last(where: Self.isLetter)
    let next = scalars[end...].first(where: Self.isLetter)
    let neighbours = [previous, next].compactMap { $0 }
    return neighbours.contains(where: Self.isLatin) && !neighbours.contains(where: Self.isCJK)
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    !isFullwidthAlphanumeric(scalar) && scalar.properties.isAlphabetic
  }

  private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: true
    default: false
    }
  }

  private static func isCJK(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isCJK(scalar) }
}
