import Testing

@testable import Winnow

/// The quick check lets lines skip ICU's normalizer: on random text mixing NFC and NFD,
/// Hangul syllables and jamo, CJK, emoji, Indic vowel signs that compose and that do not,
/// and combining marks in and out of order, what the stage makes of a line must be, byte for
/// byte, what ICU's NFC makes of it.
@Suite struct NFCQuickCheckTests {
  static let pieces: [String] = [
    "a", "e", "Z", " ", "é", "e\u{301}", "\u{301}", "\u{323}", "\u{302}", "\u{308}", "\u{344}",
    "\u{345}", "\u{31B}", "\u{338}", "Å", "A\u{30A}", "\u{212B}", "ệ", "e\u{323}\u{302}",
    "e\u{302}\u{323}", "ơ", "o\u{31B}", "\u{1EDB}",
    // Hangul: syllables LV and LVT, leading, vowel and trailing jamo.
    "한", "가", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{1112}\u{1161}\u{11AB}",
    // CJK, kana and the voicing marks (Maybe, non-zero class), emoji and a variation selector.
    "中", "文", "か", "\u{3099}", "\u{309A}", "は\u{309A}", "😀", "👩", "\u{FE0F}", "🏽",
    // Tamil: ொ is ெ + ா; க + ா stays.
    "க", "\u{0BC6}", "\u{0BBE}", "\u{0BCA}", "\u{0BD7}", "\u{0BC7}",
    // Bengali, Kannada, Malayalam, Sinhala vowel signs and length marks.
    "ক", "\u{09C7}", "\u{09BE}", "\u{09D7}", "\u{09CB}", "ಕ", "\u{0CC6}", "\u{0CD5}",
    "\u{0CC2}", "\u{0CBF}", "ക", "\u{0D46}", "\u{0D3E}", "\u{0D57}", "ක", "\u{0DD9}",
    "\u{0DCF}", "\u{0DCA}",
    // Devanagari: the nukta (Maybe, class 7), the virama, a nukta letter (No).
    "क", "न", "\u{93C}", "\u{94D}", "\u{929}", "\u{958}",
    // Arabic: alef and the marks it composes with, harakat in and out of order.
    "ا", "\u{653}", "\u{654}", "\u{655}", "\u{64E}", "\u{651}", "و", "ي",
    // Hebrew points, Thai tone marks, Greek with tonos and its question mark.
    "ש", "\u{5C1}", "\u{5BC}", "ก", "\u{E48}", "\u{E38}", "ά", "α\u{301}", "\u{37E}",
    // Myanmar, Balinese and a Latin letter from above the BMP's Latin blocks.
    "\u{1025}", "\u{102E}", "\u{1B05}", "\u{1B35}", "\u{1D400}",
  ]

  static func randomLine(using generator: inout SeededGenerator) -> String {
    (0..<Int.random(in: 0...16, using: &generator)).map { _ in
      pieces.randomElement(using: &generator)!
    }.joined()
  }

  static func icuNFC(_ text: String) -> [UInt8] {
    let units = Array(text.utf16)
    let normalized = ICUNormalizer.normalized(units, form: .nfc) ?? units
    return Array(String(decoding: normalized, as: UTF16.self).utf8)
  }

  @Test func passedTextIsICUsNFC() {
    var generator = SeededGenerator(seed: 1515)
    var passed = 0
    for _ in 0..<20000 {
      let line = Self.randomLine(using: &generator)
      guard NFCQuickCheck.shared.isNormalized(Array(line.unicodeScalars)) else { continue }
      passed += 1
      #expect(
        Self.icuNFC(line) == Array(line.utf8),
        "line \(line.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    // Not a vacuous test: random text passes often enough.
    #expect(passed > 1000)
  }

  @Test func theStageComposesAsICUDoes() throws {
    var settings = NormalizeSettings.everything
    settings.mojibake = false
    let stage = try NormalizeStage(settings: settings)
    var generator = SeededGenerator(seed: 1516)
    var skipped = 0
    for _ in 0..<20000 {
      let line = Self.randomLine(using: &generator)
      let needs = stage.triage.needs(line)
      // Lines another repair changes are that repair's tests.
      guard !needs.repair else { continue }
      if !needs.composition { skipped += 1 }
      var report = CleaningReport()
      let result = stage.normalize(line, report: &report) ?? line
      #expect(
        Array(result.utf8) == Self.icuNFC(line),
        "line \(line.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    #expect(skipped > 1000)
  }
}
