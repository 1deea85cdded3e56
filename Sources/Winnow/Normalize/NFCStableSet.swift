/// The BMP scalars that are NFC whatever surrounds them: canonical combining class 0 and
/// NFC quick check Yes, asked of ICU once. A line made only of them is NFC (the quick-check
/// algorithm answers Yes), so it skips ICU: Greek, Cyrillic, Hebrew and Arabic letters,
/// Thai and Indic consonants, kana, Han, Hangul syllables, most punctuation. Emoji above
/// the BMP are added as a range.
struct NFCStableSet: Sendable {
  private let words: [UInt64]

  static let shared = NFCStableSet()

  private init() {
    var words = [UInt64](repeating: 0, count: 0x10000 / 64)
    for value in UInt32(0)..<0x10000 {
      guard let scalar = Unicode.Scalar(value),
        scalar.properties.canonicalCombiningClass.rawValue == 0
      else { continue }
      var units: [UInt16] = []
      UTF16.encode(scalar) { units.append($0) }
      if ICUNormalizer.isNormalizedPrefix(units) {
        words[Int(value >> 6)] |= 1 << UInt64(value & 63)
      }
    }
    self.words = words
  }

  func contains(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x10000 { return words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
    return (0x1F300...0x1FAFF).contains(value)
  }
}
