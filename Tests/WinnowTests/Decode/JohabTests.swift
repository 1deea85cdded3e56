import Testing

@testable import Winnow

/// Johab, which Winnow decodes itself because the system ICU has no converter for it. The
/// bytes are what Python's `johab` codec gives for the same text.
@Suite struct JohabTests {
  @Test func decodesSyllablesLoneLettersHanjaAndSymbols() {
    // 한국어 ㅋㅋ 漢字 ※ 가나
    let bytes: [UInt8] = [
      208, 101, 138, 130, 180, 225, 32, 196, 65, 196, 65, 32, 247, 211, 241, 174, 32, 217, 104,
      32, 136, 97, 144, 97,
    ]
    let decoded = Johab.decode(bytes[...])
    #expect(decoded.text.utf8.elementsEqual("한국어 ㅋㅋ 漢字 ※ 가나".utf8))
    #expect(decoded.invalidBytes == 0)
  }

  @Test func pairsThatAreNoCharacterBecomeReplacementCharacters() {
    // A lead byte of the user-defined area, a lead at the end, a field that is no letter.
    let decoded = Johab.decode([0xD8, 0x31, 0x41, 0x88][...])
    #expect(decoded.text.utf8.elementsEqual("\u{FFFD}1A\u{FFFD}".utf8))
    #expect(decoded.invalidBytes == 2)
    #expect(Johab.character(lead: 0x80, trail: 0x41) == nil)
  }

  @Test(arguments: ["Johab", "x-johab", "cp1361"])
  func aliasesNameIt(_ name: String) throws {
    #expect(CharsetConverter.canonicalName(name) == "Johab")
    try DecodeSettings(enabled: true, encoding: name).check()
  }
}
