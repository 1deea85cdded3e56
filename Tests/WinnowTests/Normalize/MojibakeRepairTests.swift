import Testing

@testable import Winnow

@Suite struct MojibakeRepairTests {
  static let cases: [RepairCase] = [
    RepairCase("e acute", "cafÃ©", "café", .mojibake, 1),
    RepairCase("several Latin-1 letters", "Ã¼ber GrÃ¶ÃŸe", "über Größe", .mojibake, 3),
    RepairCase("right single quote", "donâ€™t", "don’t", .mojibake, 1),
    RepairCase("curly quotes and dash", "â€œHiâ€\u{9D} â€“ ok", "“Hi” – ok", .mojibake, 3),
    RepairCase("ellipsis and trademark", "waitâ€¦ Acmeâ„¢", "wait… Acme™", .mojibake, 2),
    RepairCase("degree sign", "25Â°C", "25°C", .mojibake, 1),
    RepairCase("Czech", "Å¡kola", "škola", .mojibake, 1),
    RepairCase("Polish", "zÅ‚oty", "złoty", .mojibake, 1),
    RepairCase("Cyrillic word", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет", .mojibake, 6),
    RepairCase("A grave through Latin-1", "Ã\u{A0} la", "à la", .mojibake, 1),
    RepairCase("double mojibake", "cafÃƒÂ©", "café", .mojibake, 3),
    RepairCase("BOM read as windows-1252", "ï»¿Title", "Title", .mojibake, 1),
  ]

  /// Correct text with the lead characters next to symbols: must never change.
  static let untouched: [String] = [
    "São Paulo, NÃO, mãe, irmã", "ESPAÑA — AÑO", "Ð is eth; Reykjavík, Ðakovo", "ÉTÉ—été",
    "gâteau, château, âme", "naïve Haïti «oui»", "Å’s and Åsa", "Ñ¿ alone", "ÂGE", "Â",
    "Ã", "cafÃ",
  ]

  @Test(arguments: cases) func undoes(_ row: RepairCase) throws {
    let (text, repairs) = try normalizeLine(row.input)
    #expect(text == row.output)
    #expect(repairs[row.kind] == row.count)
  }

  @Test(arguments: untouched) func neverChangesCorrectText(_ line: String) throws {
    let (text, repairs) = try normalizeLine(line)
    #expect(text == line)
    #expect(repairs.isEmpty)
  }
}
