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

  /// What each byte value is to the ASCII scan, as `ByteClass` bits (0 for most ASCII).
  private let byteClasses: [UInt8]
  private let characters: CodePointSet
  private let spacing: Bool
  private let pairs: [PairTrigger]
  /// The union of every pair's first characters.
  private let pairStarts: CodePointSet

  /// Bits of `byteClasses`.
  private enum ByteClass {
    static let declared: UInt8 = 1
    static let space: UInt8 = 2
    static let pairStart: UInt8 = 4
    static let nonASCII: UInt8 = 8
  }

  init(triggers: [RepairTrigger]) {
    characters = CodePointSet(ranges: triggers.flatMap(\.characters))
    spacing = triggers.contains(where: \.spacing)
    pairs = triggers.compactMap(\.pairs)
    pairStarts = CodePointSet(union: pairs.map(\.starts))
    byteClasses = (0...255).map { [characters, spacing, pairStarts] value in
      guard value < 0x80 else { return ByteClass.nonASCII }
      let scalar = Unicode.Scalar(UInt8(value))
      var byteClass: UInt8 = characters.contains(scalar) ? ByteClass.declared : 0
      if spacing && value == 0x20 { byteClass |= ByteClass.space }
      if pairStarts.contains(scalar) { byteClass |= ByteClass.pairStart }
      return byteClass
    }
  }

  func needs(_ text: String) -> Needs {
    var needs = Needs()
    var text = text
    text.withUTF8 { bytes in
      if !scanASCII(bytes, needs: &needs) { scanScalars(bytes, needs: &needs) }
    }
    return needs
  }

  /// True when the line is ASCII (its `needs` then known); false at the first other byte.
  /// One table load per byte for the common byte.
  private func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>, needs: inout Needs) -> Bool {
    var previousWasSpace = true
    var pairStart: UInt8? = nil
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      let byteClass = byteClasses[Int(byte)]
      if let start = pairStart, pairFollows(Unicode.Scalar(start), Unicode.Scalar(byte)) {
        needs.repair = true
        return true
      }
      index &+= 1
      if byteClass == 0 {
        previousWasSpace = false
        pairStart = nil
        // The common byte: nothing to remember until the next byte of another class.
        while index < count && byteClasses[Int(bytes[index])] == 0 { index &+= 1 }
        continue
      }
      if byteClass & ByteClass.nonASCII != 0 { return false }
      let isSpace = byteClass & ByteClass.space != 0
      if byteClass & ByteClass.declared != 0 || (isSpace && previousWasSpace) {
        needs.repair = true
        return true
      }
      previousWasSpace = isSpace
      pairStart = byteClass & ByteClass.pairStart != 0 ? byte : nil
    }
    needs.repair = spacing && previousWasSpace && count > 0
    return true
  }

  private func pairFollows(_ previous: Unicode.Scalar, _ scalar: Unicode.Scalar) -> Bool {
    pairs.contains { $0.starts.contains(previous) && $0.follows(previous, scalar) }
  }

  /// The scalar pass, straight off the bytes. An ASCII byte of class 0 after a character
  /// that starts no pair changes nothing but `previousWasSpace`: it skips the set lookups.
  private func scanScalars(_ bytes: UnsafeBufferPointer<UInt8>, needs: inout Needs) {
    var previousWasSpace = true
    var previous: Unicode.Scalar = " "
    var previousStartsPair = false
    let stable = NFCStableSet.shared
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 && byteClasses[Int(byte)] == 0 && byte != 0x20 && !previousStartsPair {
        previousWasSpace = false
        index &+= 1
        continue
      }
      let (value, length) = UTF8Scalars.decode(bytes, at: index)
      index &+= length
      let scalar = Unicode.Scalar(value).unsafelyUnwrapped
      let isSpace = scalar == " "
      if (spacing && isSpace && previousWasSpace) || characters.contains(scalar)
        || (previousStartsPair && pairFollows(previous, scalar))
      {
        needs.repair = true
        return
      }
      previousWasSpace = isSpace
      previousStartsPair = pairStarts.contains(scalar)
      previous = scalar
      if !isSpace && !stable.contains(scalar) { needs.composition = true }
    }
    needs.repair = spacing && previousWasSpace
  }
}
