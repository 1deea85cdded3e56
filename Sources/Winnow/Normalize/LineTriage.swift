/// What a line needs from the normalize stage, found in one cheap pass so that clean lines
/// (nearly all of them) cost a scan and nothing more: ASCII lines are read byte by byte,
/// other lines scalar by scalar, and only lines outside the NFC-stable ranges go to ICU.
/// Built once per stage from the `RepairTrigger` each of its repairs declares.
struct LineTriage: Sendable {
  /// What one line needs.
  struct Needs: Equatable {
    /// Some repair may change the line: run them all on its scalars.
    var repair = false
    /// Only NFC may change the line.
    var composition = false
  }

  /// The declared characters below U+0080, as a 128-bit mask.
  private let asciiCharacters: (low: UInt64, high: UInt64)
  private let characters: CodePointSet
  private let spacing: Bool
  private let pairs: [PairTrigger]
  /// The union of every pair's first characters.
  private let pairStarts: CodePointSet

  init(triggers: [RepairTrigger]) {
    var low: UInt64 = 0
    var high: UInt64 = 0
    for range in triggers.flatMap(\.characters) where range.lowerBound < 0x80 {
      for value in range.lowerBound...min(range.upperBound, 0x7F) {
        if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
      }
    }
    asciiCharacters = (low, high)
    characters = CodePointSet(ranges: triggers.flatMap(\.characters))
    spacing = triggers.contains(where: \.spacing)
    pairs = triggers.compactMap(\.pairs)
    pairStarts = CodePointSet(union: pairs.map(\.starts))
  }

  func needs(_ text: String) -> Needs {
    var needs = Needs()
    let isASCII =
      text.utf8.withContiguousStorageIfAvailable { scanASCII($0, needs: &needs) }
      ?? scanASCII(Array(text.utf8), needs: &needs)
    if !isASCII { scanScalars(text.unicodeScalars, needs: &needs) }
    return needs
  }

  private func isASCIICharacter(_ byte: UInt8) -> Bool {
    byte < 64
      ? asciiCharacters.low & (1 << UInt64(byte)) != 0
      : asciiCharacters.high & (1 << UInt64(byte - 64)) != 0
  }

  /// True when the line is ASCII (its `needs` then known); false at the first other byte.
  private func scanASCII<Bytes: Collection<UInt8>>(_ bytes: Bytes, needs: inout Needs) -> Bool {
    var previousWasSpace = true
    var previous: UInt8 = 0x20
    for byte in bytes {
      if byte >= 0x80 { return false }
      defer { previous = byte }
      let isSpace = byte == 0x20
      if (spacing && isSpace && previousWasSpace) || isASCIICharacter(byte)
        || (pairStarts.contains(Unicode.Scalar(previous)) && pairFollows(previous, byte))
      {
        needs.repair = true
        return true
      }
      previousWasSpace = isSpace
    }
    needs.repair = spacing && previousWasSpace && !bytes.isEmpty
    return true
  }

  private func pairFollows(_ previous: UInt8, _ byte: UInt8) -> Bool {
    pairFollows(Unicode.Scalar(previous), Unicode.Scalar(byte))
  }

  private func pairFollows(_ previous: Unicode.Scalar, _ scalar: Unicode.Scalar) -> Bool {
    pairs.contains { $0.starts.contains(previous) && $0.follows(previous, scalar) }
  }

  private func scanScalars(_ scalars: String.UnicodeScalarView, needs: inout Needs) {
    var previousWasSpace = true
    var previous: Unicode.Scalar = " "
    let stable = NFCStableSet.shared
    for scalar in scalars {
      defer { previous = scalar }
      let isSpace = scalar == " "
      if (spacing && isSpace && previousWasSpace)
        || (scalar.isASCII ? isASCIICharacter(UInt8(scalar.value)) : characters.contains(scalar))
        || (pairStarts.contains(previous) && pairFollows(previous, scalar))
      {
        needs.repair = true
        return
      }
      previousWasSpace = isSpace
      if !isSpace && !stable.contains(scalar) { needs.composition = true }
    }
    needs.repair = spacing && previousWasSpace
  }
}
