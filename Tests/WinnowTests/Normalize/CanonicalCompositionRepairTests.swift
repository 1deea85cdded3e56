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

/// Every BMP scalar the quick check passes on its own (class 0 to 254) is its own NFC, and
/// the marks fall where ICU's properties put them.
@Test func quickCheckClassesAgreeWithICU() {
  let check = NFCQuickCheck.shared
  var wrong: [UInt32] = []
  for value in UInt32(0)..<0x10000 {
    guard let scalar = Unicode.Scalar(value),
      check.checkClass(of: value) < NFCQuickCheck.maybeStarter
    else { continue }
    var units: [UInt16] = []
    UTF16.encode(scalar) { units.append($0) }
    if !ICUNormalizer.isNormalizedPrefix(units) { wrong.append(value) }
  }
  #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
  #expect(check.checkClass(of: 0x0E01) == 0 && check.checkClass(of: 0x05D0) == 0)
  // Combining classes of marks NFC keeps: the virama, Thai's mai ek.
  #expect(check.checkClass(of: 0x094D) == 9 && check.checkClass(of: 0x0E48) == 107)
  // Jamo vowels, Tamil's aa and the Kannada length mark compose with what precedes them.
  for value: UInt32 in [0x1161, 0x0BBE, 0x0CD5] {
    #expect(check.checkClass(of: value) == NFCQuickCheck.maybeStarter)
  }
  // Quick check No (the Greek question mark), Maybe with a non-zero class (the acute).
  #expect(check.checkClass(of: 0x037E) == NFCQuickCheck.needsNormalizer)
  #expect(check.checkClass(of: 0x0301) == NFCQuickCheck.needsNormalizer)
  #expect(check.checkClass(of: 0x1F600) == 0)
}
