import Testing

@testable import Winnow

@Suite struct CanonicalCompositionRepairTests {
  static let cases: [RepairCase] = [
    RepairCase("e with combining acute", "cafe\u{301}", "caf\u{E9}", .normalization, 1),
    RepairCase("Hangul jamo", "\u{1100}\u{1161}\u{11A8}", "\u{AC01}", .normalization, 1),
    RepairCase("kana with combining voicing", "か\u{3099}", "が", .normalization, 1),
    RepairCase("marks out of order", "a\u{323}\u{302}", "\u{1EAD}", .normalization, 1),
    RepairCase("Devanagari nukta letter", "\u{0958}", "\u{0915}\u{093C}", .normalization, 1),
    RepairCase("Greek question mark", "τι\u{37E}", "τι;", .normalization, 1),
  ]

  @Test(arguments: cases) func composes(_ row: RepairCase) throws {
    let (text, repairs) = try normalizeLine(row.input)
    #expect(Array(text.unicodeScalars) == Array(row.output.unicodeScalars))
    #expect(repairs[row.kind] == row.count)
  }

  @Test func compositionCanBeTurnedOff() throws {
    var settings = NormalizeSettings.everything
    settings.form = .none
    let stage = try NormalizeStage(settings: settings)
    var report = CleaningReport()
    #expect(stage.normalize("cafe\u{301}", report: &report) == nil)
    #expect(report.repairs.isEmpty)
  }

  @Test func composedWithOtherRepairsInOneLine() throws {
    let (text, repairs) = try normalizeLine("  cafe\u{301}\u{200B}  &amp; ")
    #expect(Array(text.unicodeScalars) == Array("caf\u{E9} &".unicodeScalars))
    #expect(repairs[.normalization] == 1)
    #expect(repairs[.entities] == 1)
    #expect(repairs[.invisible] == 1)
  }
}

/// Every scalar the triage lets skip ICU is its own NFC and has combining class 0.
@Test func stableSetIsNFCStable() {
  let stable = NFCStableSet.shared
  var wrong: [UInt32] = []
  for value in UInt32(0)...0x10FFFF {
    guard let scalar = Unicode.Scalar(value), stable.contains(scalar) else { continue }
    var units: [UInt16] = []
    UTF16.encode(scalar) { units.append($0) }
    if scalar.properties.canonicalCombiningClass.rawValue != 0
      || ICUNormalizer.normalized(units, form: .nfc) != units
    {
      wrong.append(value)
    }
  }
  #expect(wrong.isEmpty, "\(wrong.prefix(10))")
  #expect(stable.contains("ก") && stable.contains("א") && stable.contains("ب"))
  #expect(!stable.contains("\u{301}") && !stable.contains("\u{E48}"))
  // Jamo vowels and the AU length mark compose with what precedes them (quick check Maybe).
  #expect(
    !stable.contains("\u{1161}") && !stable.contains("\u{0CD5}") && !stable.contains("\u{0BBE}"))
}

/// The set, read from ICU's properties, holds every BMP scalar of combining class 0 that
/// ICU's quick check passes on its own: no line that could skip ICU is sent to it.
@Test func stableSetHoldsEveryQuickCheckedScalar() {
  let stable = NFCStableSet.shared
  var missing: [UInt32] = []
  for value in UInt32(0)..<0x10000 {
    guard let scalar = Unicode.Scalar(value), !stable.contains(scalar),
      scalar.properties.canonicalCombiningClass.rawValue == 0
    else { continue }
    var units: [UInt16] = []
    UTF16.encode(scalar) { units.append($0) }
    if ICUNormalizer.isNormalizedPrefix(units) { missing.append(value) }
  }
  #expect(missing.isEmpty, "\(missing.prefix(10).map { String($0, radix: 16) })")
}
