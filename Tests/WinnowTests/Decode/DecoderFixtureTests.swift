import Testing

@testable import Winnow

@Suite struct DecoderFixtureTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    /// Names ICU may fairly give (GBK text is also GB18030 text).
    var encodings: Set<String>
    var testDescription: String { file }
  }

  static let cases: [Case] = [
    Case(file: "gbk.txt", encodings: ["GB18030", "GBK"]),
    Case(file: "shift_jis.txt", encodings: ["Shift_JIS"]),
    Case(file: "euc-jp.txt", encodings: ["EUC-JP"]),
    Case(file: "iso-2022-jp.txt", encodings: ["ISO-2022-JP"]),
    Case(file: "euc-kr.txt", encodings: ["EUC-KR"]),
    Case(file: "big5.txt", encodings: ["Big5"]),
    Case(file: "windows-1251.txt", encodings: ["windows-1251"]),
    Case(file: "koi8-r.txt", encodings: ["KOI8-R"]),
    Case(file: "windows-1252.txt", encodings: ["windows-1252", "ISO-8859-1"]),
    Case(file: "utf-8-bom.txt", encodings: ["UTF-8"]),
    Case(file: "utf-16le-bom.txt", encodings: ["UTF-16LE"]),
    Case(file: "utf-16be-bom.txt", encodings: ["UTF-16BE"]),
    Case(file: "utf-16le.txt", encodings: ["UTF-16LE"]),
    Case(file: "utf-16be.txt", encodings: ["UTF-16BE"]),
    Case(file: "utf-16le-cjk.txt", encodings: ["UTF-16LE"]),
    Case(file: "utf-16be-cjk.txt", encodings: ["UTF-16BE"]),
    Case(file: "utf-32le-bom.txt", encodings: ["UTF-32LE"]),
    Case(file: "utf-32be.txt", encodings: ["UTF-32BE"]),
    Case(file: "empty.txt", encodings: ["UTF-8"]),
    Case(file: "koi8-u.txt", encodings: ["KOI8-U"]),
    Case(file: "iso-8859-13.txt", encodings: ["ISO-8859-13", "windows-1257"]),
    // Romanian with „ ” and €, which ISO-8859-2 reads as Ľ ľ ¤; ICU has no converter for it.
    Case(file: "iso-8859-16.txt", encodings: ["ISO-8859-16"]),
    // A line or two: ICU's detector alone guesses a CJK charset or UTF-16 for these.
    Case(file: "windows-874-line.txt", encodings: ["windows-874", "TIS-620"]),
    Case(file: "tis-620-two-lines.txt", encodings: ["windows-874", "TIS-620"]),
    Case(file: "windows-1257-line.txt", encodings: ["windows-1257", "ISO-8859-13"]),
    Case(file: "windows-1254-line.txt", encodings: ["windows-1254", "ISO-8859-9"]),
    // NULs on both sides of the units (一 is 4E 00, the line feed 00 0A).
    Case(file: "utf-16be-cjk-line.txt", encodings: ["UTF-16BE"]),
    Case(file: "utf-16le-cjk-no-nul.txt", encodings: ["UTF-16LE"]),
    Case(file: "windows-874.txt", encodings: ["windows-874"]),
    Case(file: "cp949.txt", encodings: ["windows-949"]),
    Case(file: "big5-hkscs.txt", encodings: ["Big5-HKSCS"]),
    Case(file: "macintosh.txt", encodings: ["macintosh"]),
    Case(file: "cp437.txt", encodings: ["cp437"]),
  ]

  @Test(arguments: cases) func decodesFixture(_ fixture: Case) throws {
    let decoded = try CharsetDecoder(settings: .automatic)
      .decode(EncodingFixtures.bytes(fixture.file)).get()
    #expect(fixture.encodings.contains(decoded.encoding))
    #expect(decoded.text == (try EncodingFixtures.expectedText(fixture.file)))
    #expect(decoded.invalidBytes == 0)
    #expect((0...1).contains(decoded.confidence))
  }

  @Test func damagedUTF8StaysUTF8AndCountsEveryBadByte() throws {
    let decoded = try CharsetDecoder(settings: .automatic)
      .decode(EncodingFixtures.bytes("truncated-utf8.bin")).get()
    #expect(decoded.encoding == "UTF-8")
    // A lone 0xFF, a lone continuation byte, and two bytes of a cut-off euro sign.
    #expect(decoded.invalidBytes == 4)
    #expect(decoded.text.hasSuffix("x\u{FFFD}y\u{FFFD}z\u{FFFD}"))
    #expect(decoded.text.hasPrefix("Le café est déjà prêt"))
  }

  @Test func nulHeavyBytesAreBinary() throws {
    let result = CharsetDecoder(settings: .automatic).decode(
      try EncodingFixtures.bytes("binary.bin"))
    guard case .failure(let failure) = result else {
      Issue.record("binary data decoded as text")
      return
    }
    #expect(failure.code == .binary)
    #expect(failure.message.contains("NUL"))
  }
}
