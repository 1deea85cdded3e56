import Testing

@testable import Winnow

@Suite struct ControlAndInvisibleRepairTests {
  static let cases: [RepairCase] = [
    RepairCase("C0 controls", "a\u{01}b\u{1B}c\u{7F}", "abc", .control, 3),
    RepairCase("C1 controls windows-1252 leaves undefined", "a\u{81}b\u{9D}", "ab", .control, 2),
    RepairCase(
      "C1 controls standing for windows-1252", "l\u{92}Ecole \u{84}x\u{93} 5\u{80}\u{85}",
      "l’Ecole „x“ 5€…", .mojibake, 5),
    RepairCase(
      "noncharacters",
      "a\(nonCharacter(0xFFFE))b\(nonCharacter(0xFFFF))c"
        + "\(nonCharacter(0xFDD0))\(nonCharacter(0x1FFFF))", "abc", .control, 4),
    RepairCase("soft hyphen", "hy\u{AD}phen", "hyphen", .invisible, 1),
    RepairCase("zero width space", "zero\u{200B}width", "zerowidth", .invisible, 1),
    RepairCase("word joiner and BOM", "a\u{2060}b\u{FEFF}c", "abc", .invisible, 2),
    RepairCase("ZWJ between Latin letters", "a\u{200D}b", "ab", .invisible, 1),
    RepairCase("ZWNJ at the end", "کتاب\u{200C}", "کتاب", .invisible, 1),
    RepairCase("ZWJ next to a space", "क \u{200D}ष", "क ष", .invisible, 1),
    RepairCase("soft hyphen after a ZWNJ", "می\u{200C}\u{AD}شود", "می\u{200C}شود", .invisible, 1),
    RepairCase("bidi override in Latin text", "\u{202E}abc\u{202C}", "abc", .invisible, 2),
    RepairCase("isolate in Latin text", "x \u{2066}y\u{2069}", "x y", .invisible, 2),
  ]

  /// Lines where the invisible characters carry meaning and must stay.
  static let kept: [String] = [
    "क्‍ष",  // Devanagari half form: KA, VIRAMA, ZWJ, SSA
    "می‌خواهم",  // Persian with ZWNJ
    "👩‍👩‍👧",  // family: ZWJ sequence
    "🏳️‍🌈",  // rainbow flag: VS16 and ZWJ
    "👍🏽 ❤️ ✌︎",  // skin tone, emoji and text variation selectors
    "\u{202B}שלום\u{202C} world",  // embedding in a Hebrew line
    "abc\u{200E}\u{200F}",  // LRM and RLM
    "ශ්‍රී",  // Sinhala with ZWJ
    "హైదరాబాద్\u{200C} నగరం",  // Telugu: ZWNJ after a word-final virama keeps it visible
    "می‌\u{200F}شود",  // ZWNJ judged across an RLM
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿",  // Scotland: tag sequence
  ]

  @Test(arguments: cases) func removes(_ row: RepairCase) throws {
    let (text, repairs) = try normalizeLine(row.input)
    #expect(text == row.output)
    #expect(repairs[row.kind] == row.count)
  }

  @Test(arguments: kept) func keepsMeaningfulInvisibles(_ line: String) throws {
    let (text, repairs) = try normalizeLine(line)
    #expect(Array(text.unicodeScalars) == Array(line.unicodeScalars))
    #expect(repairs.isEmpty)
  }
}
