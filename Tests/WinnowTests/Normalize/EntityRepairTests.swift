import Testing

@testable import Winnow

@Suite struct EntityRepairTests {
  static let cases: [RepairCase] = [
    RepairCase("named", "caf&eacute; &amp; cr&egrave;me", "café & crème", .entities, 3),
    RepairCase("decimal", "caf&#233;", "café", .entities, 1),
    RepairCase("hex lower and upper x", "&#xE9;&#XE9;", "éé", .entities, 2),
    RepairCase(
      "apostrophe", "it&apos;s", "it’s".replacingOccurrences(of: "’", with: "'"),
      .entities, 1),
    RepairCase("quotes and dashes", "&ldquo;Hi&rdquo; &mdash; &hellip;", "“Hi” — …", .entities, 4),
    RepairCase("windows-1252 numeric", "&#146;", "’", .entities, 1),
    RepairCase("double escaped", "a &amp;lt; b", "a < b", .entities, 2),
    RepairCase("astral numeric", "&#128512;", "😀", .entities, 1),
    RepairCase("a lone nbsp stays a no-break space", "a&nbsp;b", "a\u{A0}b", .entities, 1),
    RepairCase("a run of nbsp becomes a space", "a&nbsp;&nbsp;b", "a b", .entities, 2),
  ]

  static let untouched: [String] = [
    "AT&T", "a&b", "a & b", "Q&A; more", "&copy without semicolon", "&unknown;", "&#;", "&#x;",
    "&#0;", "&#xD800;", "&#1114112;", "&;", "rock&roll;", "&ECIRC;",
  ]

  @Test(arguments: cases) func decodesReference(_ row: RepairCase) throws {
    let (text, repairs) = try normalizeLine(row.input)
    #expect(text.utf8.elementsEqual(row.output.utf8))
    #expect(repairs[row.kind] == row.count)
  }

  @Test(arguments: untouched) func leavesTextThatIsNotAReference(_ line: String) throws {
    let (text, repairs) = try normalizeLine(line)
    #expect(text == line)
    #expect(repairs[.entities] == nil)
  }

  @Test func tableHoldsTheHTML4SetAndApos() {
    #expect(HTMLEntityTable.scalars.count == 253)
    #expect(HTMLEntityTable.scalars["euro"] == 0x20AC)
    #expect(HTMLEntityTable.scalars["thetasym"] == 0x03D1)
    #expect(HTMLEntityTable.scalars.keys.map(\.count).max() == HTMLEntityTable.longestName)
  }
}
