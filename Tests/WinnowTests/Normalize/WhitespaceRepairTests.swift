import Testing

@testable import Winnow

@Suite struct WhitespaceRepairTests {
  static let cases: [RepairCase] = [
    RepairCase("runs of spaces", "a   b    c", "a b c", .whitespace, 2),
    RepairCase("tab", "a\tb", "a b", .whitespace, 1),
    RepairCase("leading and trailing", "  a b  ", "a b", .whitespace, 2),
    RepairCase("only spaces", " \t ", "", .whitespace, 1),
    RepairCase(
      "no-break space before a space", "CE\u{A0} projevují", "CE projevují", .whitespace, 1),
    RepairCase(
      "run of no-break spaces", "imwe\u{A0}\u{A0}\u{A0}chete", "imwe chete", .whitespace, 1),
    RepairCase("em space and thin space", "a\u{2003}b\u{2009}c", "a b c", .whitespace, 2),
    RepairCase(
      "two no-break spaces in French", "prix\u{202F}\u{A0}: 5", "prix : 5", .whitespace, 1),
    RepairCase("line separator", "a\u{2028}b", "a b", .lineEndings, 1),
    RepairCase("line and paragraph separators", "a\u{2029}b\u{2028}c", "a b c", .lineEndings, 2),
    RepairCase(
      "ideographic space in Latin text", "a\u{3000}b", "a b", .whitespace, 1),
    RepairCase(
      "ideographic space with a no-break space in CJK", "東京\u{3000}\u{A0}大阪",
      "東京\u{3000}大阪", .whitespace, 1),
    RepairCase("vertical tab and form feed", "a\u{0B}\u{0C}b", "a b", .whitespace, 1),
  ]

  static let kept: [String] = [
    "東京\u{3000}大阪", "「こんにちは」\u{3000}\u{3000}さようなら", "ᠮᠣᠩᠭᠣᠯ\u{202F}ᠤᠨ", "a b c",
    // Lone no-break spaces, which typography puts on purpose: thousands separators, French
    // punctuation and guillemets, one-letter prepositions, units.
    "97\u{A0}818 habitants", "výpadku v\u{A0}rozvodné síti", "10\u{A0}km", "Mr.\u{A0}Smith",
    "1\u{202F}250\u{202F}000 €", "12\u{2007}345", "prix\u{202F}: 5",
    "Vraiment\u{A0}? Oui\u{A0}! Non\u{202F}; peut-être", "«\u{A0}Bonjour\u{A0}»",
  ]

  @Test(arguments: cases) func tidies(_ row: RepairCase) throws {
    let (text, repairs) = try normalizeLine(row.input)
    #expect(text.utf8.elementsEqual(row.output.utf8))
    #expect(repairs[row.kind] == row.count)
  }

  @Test(arguments: kept) func keepsMeaningfulSpaces(_ line: String) throws {
    let (text, repairs) = try normalizeLine(line)
    #expect(text.utf8.elementsEqual(line.utf8))
    #expect(repairs.isEmpty)
  }
}
