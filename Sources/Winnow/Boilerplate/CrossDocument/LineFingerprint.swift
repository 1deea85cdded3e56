/// A 64-bit hash of a line with white space and case folded, so that `Home | News` and
/// ` home  |  news ` count as the same line on two pages. Blank lines have none.
///
/// The UTF-8 bytes of the folded text (runs of white space become one space, leading and
/// trailing white space go, letters of the bicameral scripts up to Armenian, Latin, Greek
/// and Cyrillic, are lowercased), gathered eight at a time into a word that is mixed in
/// FNV-1a style: one multiply per eight bytes rather than per byte. Works on the UTF-8
/// bytes; only non-ASCII characters are decoded, and only those of these scripts ask
/// Unicode about case.
struct LineFingerprint {
  private var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  private var word: UInt64 = 0
  private var wordBytes: UInt64 = 0
  private var empty = true
  private var pendingSpace = false

  static func of(_ text: String) -> UInt64? {
    var text = text
    return text.withUTF8 { of($0[...]) }
  }

  /// The fingerprint of one line's valid UTF-8 bytes.
  static func of(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
    var fingerprint = LineFingerprint()
    var index = bytes.startIndex
    // The eight-byte path is not tried again before this index: a byte it cannot take lies
    // between.
    var slowUntil = index
    let base = bytes.base.baseAddress
    while index < bytes.endIndex {
      // Eight bytes at once when they fold to themselves (most of a line).
      if index >= slowUntil, let base, bytes.endIndex - index >= 8 {
        let chunk = ByteWord.load(base, at: index)
        let unfit = Self.unfoldable(chunk)
        if unfit == 0 {
          fingerprint.addPlainASCII(chunk)
          index += 8
          continue
        }
        slowUntil = index + unfit.trailingZeroBitCount >> 3 + 1
      }
      let byte = bytes[index]
      if byte < 0x80 {
        fingerprint.addASCII(byte)
        index += 1
        continue
      }
      let (value, length) = UTF8Scalars.decode(bytes.base, at: index)
      fingerprint.add(Unicode.Scalar(value).unsafelyUnwrapped)
      index += length
    }
    guard !fingerprint.empty else { return nil }
    fingerprint.flush()
    return fingerprint.hash
  }

  private mutating func addASCII(_ byte: UInt8) {
    if byte == 0x20 || (0x09...0x0D).contains(byte) {
      pendingSpace = !empty
      return
    }
    startCharacter()
    let lowered = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    mix(lowered)
  }

  /// The top bit of each byte of `chunk` (the first one lowest) that does not fold to
  /// itself, or that `addPlainASCII` cannot take: a byte past ASCII, a control character
  /// (tab to carriage return among them), a space at either end or before another space. The
  /// other bytes are printable ASCII and single spaces between them, which the fold keeps.
  @inline(__always) private static func unfoldable(_ chunk: UInt64) -> UInt64 {
    let spaces = ByteWord.marks(of: 0x20, in: chunk)
    let ends: UInt64 = 0x8000_0000_0000_0080
    return ByteWord.marks(below: 0x20, in: chunk) | chunk & 0x8080_8080_8080_8080
      | spaces & (spaces &>> 8 | ends)
  }

  /// Eight bytes that `unfoldable` passes, the first one lowest: hashed as `addASCII` would
  /// hash them one by one.
  private mutating func addPlainASCII(_ chunk: UInt64) {
    startCharacter()
    let capitals = ByteWord.marks(below: 0x5B, in: chunk) & ~ByteWord.marks(below: 0x41, in: chunk)
    // A capital's 0x20 bit is clear: setting it lowers the letter.
    let lowered = chunk | capitals &>> 2
    // The gathered bytes take the low end of the word; the chunk's rest starts the next.
    let gathered = wordBytes
    word |= lowered &<< (gathered &* 8)
    wordBytes = 8
    flush()
    if gathered > 0 {
      word = lowered &>> (64 &- gathered &* 8)
      wordBytes = gathered
    }
  }

  private mutating func add(_ scalar: Unicode.Scalar) {
    if WhiteSpace.otherThanSpaceSet.contains(scalar) {
      pendingSpace = !empty
      return
    }
    startCharacter()
    if scalar.value < Self.caseFoldedBelow && scalar.properties.changesWhenLowercased {
      for lowered in scalar.properties.lowercaseMapping.unicodeScalars { mixUTF8(lowered) }
    } else {
      mixUTF8(scalar)
    }
  }

  /// Characters from here on are hashed as they are: the property lookups cost more than
  /// the rare cased letter of other scripts is worth.
  private static let caseFoldedBelow: UInt32 = 0x0590

  /// Writes the space a run of white space before this character stands for.
  private mutating func startCharacter() {
    if pendingSpace { mix(0x20) }
    pendingSpace = false
    empty = false
  }

  private mutating func mixUTF8(_ scalar: Unicode.Scalar) {
    for byte in UTF8.encode(scalar)! { mix(byte) }
  }

  @inline(__always) private mutating func mix(_ byte: UInt8) {
    word |= UInt64(byte) &<< (wordBytes &* 8)
    wordBytes &+= 1
    if wordBytes == 8 { flush() }
  }

  /// Mixes the gathered bytes, and how many there are, into the hash.
  private mutating func flush() {
    hash = (hash ^ word ^ (wordBytes &<< 59)) &* 0x0000_0100_0000_01b3
    hash ^= hash &>> 29
    word = 0
    wordBytes = 0
  }
}
