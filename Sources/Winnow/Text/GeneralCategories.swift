/// Unicode's general category of the scalars most non-ASCII text is made of, tabled once:
/// U+0080...U+07FF (two-byte UTF-8: Latin-1, Latin Extended, Greek, Cyrillic, Armenian,
/// Hebrew, Arabic) and the General Punctuation block (dashes, curly quotes, the ellipsis).
/// The standard library's lookup costs some three hundred instructions a scalar; a table
/// read, a few. Other scalars ask the standard library, so the answer is always its own.
/// Built on first use, from the standard library (about 2,000 lookups).
struct GeneralCategories: Sendable {
  static let shared = GeneralCategories()

  private static let twoByteEnd: UInt32 = 0x800
  private static let punctuation: ClosedRange<UInt32> = 0x2000...0x206F
  private let twoByte: [Unicode.GeneralCategory]
  private let punctuation: [Unicode.GeneralCategory]

  private init() {
    // No surrogates in either range: every value is a scalar.
    twoByte = (0..<Self.twoByteEnd).map { Unicode.Scalar($0)!.properties.generalCategory }
    punctuation = Self.punctuation.map { Unicode.Scalar($0)!.properties.generalCategory }
  }

  /// `scalar.properties.generalCategory`.
  @inline(__always)
  func of(_ scalar: Unicode.Scalar) -> Unicode.GeneralCategory {
    let value = scalar.value
    if value < Self.twoByteEnd { return twoByte[Int(value)] }
    if Self.punctuation.contains(value) {
      return punctuation[Int(value &- Self.punctuation.lowerBound)]
    }
    return scalar.properties.generalCategory
  }
}
