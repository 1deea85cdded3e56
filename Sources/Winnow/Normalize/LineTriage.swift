/// What a line needs from the normalize stage, found in one cheap pass so that clean lines
/// (nearly all of them) cost a scan and nothing more: eight ASCII bytes at a time while none
/// of them is one a repair looks for (`QuietWords`), other characters one by one through a
/// table of what each is to the repairs, and only lines that fail NFC's quick check
/// (`NFCQuickCheck`, on the same pass) go to ICU. Built once per stage from the
/// `RepairTrigger` each of its repairs declares.
struct LineTriage: Sendable {
  /// What one line needs.
  struct Needs: Equatable {
    /// Some repair may change the line: run them all on its scalars.
    var repair = false
    /// Only NFC may change the line: it fails NFC's quick check.
    var composition = false
  }

  /// What each BMP scalar is to the triage, as `ScalarClass` bits: one load per character
  /// instead of a lookup in each set (64 KiB, built once per stage).
  private let basicClasses: [UInt8]
  private let characters: CodePointSet
  private let spacing: Bool
  private let pairs: [PairTrigger]
  /// The union of every pair's first characters.
  private let pairStarts: CodePointSet
  /// The eight-byte test, or nil when the triggers name too many ASCII characters for it.
  private let quietWords: QuietWords?
  private let nfc = NFCQuickCheck.shared

  /// Bits of `basicClasses`.
  private enum ScalarClass {
    /// A repair declared the character.
    static let declared: UInt8 = 1
    /// It starts one of the pairs.
    static let pairStart: UInt8 = 2
    /// Not NFC whatever surrounds it: NFC's quick check looks at it (`NFCQuickCheck`).
    static let unstable: UInt8 = 4
  }

  init(triggers: [RepairTrigger]) {
    characters = CodePointSet(ranges: triggers.flatMap(\.characters))
    spacing = triggers.contains(where: \.spacing)
    pairs = triggers.compactMap(\.pairs)
    pairStarts = CodePointSet(union: pairs.map(\.starts))
    basicClasses = (UInt32(0)..<0x10000).map { [characters, pairStarts] value in
      guard let scalar = Unicode.Scalar(value) else { return 0 }
      return Self.scalarClass(scalar, characters: characters, pairStarts: pairStarts)
    }
    let basicClasses = basicClasses
    quietWords = QuietWords(
      loud: (0x20...0x7E).filter { basicClasses[$0] != 0 }.map(UInt8.init), spacing: spacing)
  }

  private static func scalarClass(
    _ scalar: Unicode.Scalar, characters: CodePointSet, pairStarts: CodePointSet
  ) -> UInt8 {
    var scalarClass: UInt8 = characters.contains(scalar) ? ScalarClass.declared : 0
    if pairStarts.contains(scalar) { scalarClass |= ScalarClass.pairStart }
    if NFCQuickCheck.shared.checkClass(of: scalar.value) != 0 {
      scalarClass |= ScalarClass.unstable
    }
    return scalarClass
  }

  func needs(_ text: String) -> Needs {
    var text = text
    return text.withUTF8 { needs(ofBytes: $0) }
  }

  /// The pass over the line's valid UTF-8 bytes. A quiet word changes nothing but
  /// `previousWasSpace`; the quiet words are skipped unless the character before them
  /// starts a pair.
  private func needs(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Needs {
    basicClasses.withUnsafeBufferPointer { basicClasses in
      var needs = Needs()
      var previousWasSpace = true
      var previous: UInt32 = 0x20
      var previousStartsPair = false
      var index = 0
      let count = bytes.count
      while index < count {
        if !previousStartsPair, let quietWords {
          index = quietWords.end(in: bytes, from: index, afterSpace: &previousWasSpace)
          if index == count { break }
        }
        // A word's worth of characters one by one.
        let stop = min(index &+ 8, count)
        while index < stop {
          let value: UInt32
          let scalarClass: UInt8
          let byte = bytes[index]
          if byte < 0x80 {
            value = UInt32(byte)
            scalarClass = basicClasses[Int(byte)]
            index &+= 1
          } else {
            let start = index
            let (decoded, length) = UTF8Scalars.decode(bytes, at: index)
            value = decoded
            index &+= length
            scalarClass =
              decoded < 0x10000
              ? basicClasses[Int(decoded)]
              : Self.scalarClass(
                Unicode.Scalar(decoded).unsafelyUnwrapped, characters: characters,
                pairStarts: pairStarts)
            // NFC's quick check, for the few characters it must look at (never ASCII).
            if scalarClass & ScalarClass.unstable != 0 && !needs.composition
              && !nfc.allows(
                nfc.checkClass(of: decoded), of: decoded,
                after: Self.scalar(before: start, in: bytes))
            {
              needs.composition = true
            }
          }
          let isSpace = value == 0x20
          if scalarClass & ScalarClass.declared != 0 || (spacing && isSpace && previousWasSpace)
            || (previousStartsPair && pairFollows(previous, value))
          {
            needs.repair = true
            return needs
          }
          previousWasSpace = isSpace
          previousStartsPair = scalarClass & ScalarClass.pairStart != 0
          previous = value
        }
      }
      needs.repair = spacing && previousWasSpace && count > 0
      return needs
    }
  }

  /// The scalar that ends right before `index` of valid UTF-8 `bytes`, or NUL (which
  /// composes with nothing) at the start.
  private static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    guard index > 0 else { return 0 }
    var start = index &- 1
    while bytes[start] & 0xC0 == 0x80 { start &-= 1 }
    return UTF8Scalars.decode(bytes, at: start).value
  }

  private func pairFollows(_ previous: UInt32, _ value: UInt32) -> Bool {
    let previous = Unicode.Scalar(previous).unsafelyUnwrapped
    let scalar = Unicode.Scalar(value).unsafelyUnwrapped
    return pairs.contains { $0.starts.contains(previous) && $0.follows(previous, scalar) }
  }
}

/// Eight bytes tested at once for being quiet: ASCII, none of them a control character, DEL
/// or a printable character a repair looks for (`loud`), and, when runs of spaces matter, no
/// two spaces in a row. A few operations a word, where a table load a byte broke off at every
/// space.
struct QuietWords: Sendable {
  /// The printable characters the triggers name (a space starting a pair among them), each
  /// repeated in every byte; an unused place repeats DEL, which the word test finds anyway.
  private let loud: (UInt64, UInt64)
  private let spacing: Bool

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// Nil when the triggers name more printable characters than it tests.
  init?(loud characters: [UInt8], spacing: Bool) {
    guard characters.count <= 2 else { return nil }
    let repeated = (characters + repeatElement(0x7F, count: 2 - characters.count)).map {
      Self.ones &* UInt64($0)
    }
    loud = (repeated[0], repeated[1])
    self.spacing = spacing
  }

  /// Where the quiet words of `bytes` from `start` end: after the last whole one, or at the
  /// end when the line's last eight bytes are quiet too (the bytes they share with the word
  /// before were judged already, with the space before their first one). `afterSpace`:
  /// whether the byte before `start` is a space, then before the returned place.
  @inline(__always)
  func end(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, afterSpace: inout Bool) -> Int {
    let (loud0, loud1) = loud
    let spaces = Self.ones &* 0x20
    let spacePairs: UInt64 = spacing ? Self.highBits : 0
    // Nil when `word` is not quiet; otherwise whether its last byte is a space. Each test
    // may mark a byte it should not (a borrow marks the byte above), never misses one: a
    // word marked wrongly is judged byte by byte.
    func endsInSpace(_ word: UInt64, afterSpace: Bool) -> Bool? {
      // `x - 1 & ~x` has a top bit set where a byte of `x` is zero; `x + 1 | x` where one
      // is 0x7F or more; `x - 0x20 & ~x` where one is below 0x20.
      let named0 = word ^ loud0
      let named1 = word ^ loud1
      let space = word ^ spaces
      let spaceMarks = (space &- Self.ones) & ~space
      let found =
        (word &- spaces) & ~word | word | (word &+ Self.ones) | (named0 &- Self.ones) & ~named0
        | (named1 &- Self.ones) & ~named1 | spaceMarks & (spaceMarks << 8) & spacePairs
      guard found & Self.highBits == 0 else { return nil }
      if spacing && afterSpace && word & 0xFF == 0x20 { return nil }
      return word >> 56 == 0x20
    }
    var index = start
    let count = bytes.count
    while index &+ 8 <= count {
      let word = ByteWord.load(bytes.baseAddress!, at: index)
      guard let endsInSpace = endsInSpace(word, afterSpace: afterSpace) else { return index }
      afterSpace = endsInSpace
      index &+= 8
    }
    if index < count && count >= 8,
      let endsInSpace = endsInSpace(
        ByteWord.load(bytes.baseAddress!, at: count &- 8), afterSpace: false)
    {
      afterSpace = endsInSpace
      return count
    }
    return index
  }
}
