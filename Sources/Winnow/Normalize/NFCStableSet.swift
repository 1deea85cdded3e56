import CWinnowICU

/// The BMP scalars that are NFC whatever surrounds them: canonical combining class 0 and
/// NFC quick check Yes, read from ICU's property data once (no normalizer call per code
/// point). A line made only of them is NFC (the quick-check algorithm answers Yes), so it
/// skips ICU: Greek, Cyrillic, Hebrew and Arabic letters, Thai and Indic consonants, kana,
/// Han, Hangul syllables, most punctuation. Emoji above the BMP are added as a range.
struct NFCStableSet: Sendable {
  private let basic: CodePointSet

  static let shared = NFCStableSet()

  private init() {
    basic = CodePointSet(
      (UInt32(0)..<0x10000).filter { value in
        // Swift's combining class too: marks newer than the system's ICU are not stable.
        guard let scalar = Unicode.Scalar(value),
          scalar.properties.canonicalCombiningClass.rawValue == 0
        else { return false }
        return wn_is_nfc_stable(Int32(value)) != 0
      })
  }

  func contains(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x10000 ? basic.contains(scalar) : (0x1F300...0x1FAFF).contains(scalar.value)
  }
}
