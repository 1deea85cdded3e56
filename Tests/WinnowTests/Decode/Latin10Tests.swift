import Testing

@testable import Winnow

/// ISO-8859-16, which Winnow decodes itself because the system ICU has no converter for it.
@Suite struct Latin10Tests {
  @Test func decodesRomanianLettersQuotesAndTheEuroSign() {
    // Ș ș Ț ț „ ” € and the bytes below 0xA0, which are their own code points.
    let bytes: [UInt8] = [0xAA, 0xBA, 0xDE, 0xFE, 0xA5, 0xB5, 0xA4, 0x41, 0x80]
    #expect(Latin10.decode(bytes[...]) == "ȘșȚț„”€A\u{80}")
  }

  @Test func everyByteIsOneScalar() {
    let text = Latin10.decode((0...255).map { UInt8($0) }[...])
    #expect(text.unicodeScalars.count == 256)
    #expect(!text.unicodeScalars.contains("\u{FFFD}"))
  }

  @Test(arguments: ["ISO-8859-16", "iso8859-16", "latin10", "L10"])
  func aliasesNameIt(_ name: String) throws {
    #expect(CharsetConverter.canonicalName(name) == "ISO-8859-16")
    try DecodeSettings(enabled: true, encoding: name).check()
  }

  @Test func forcedEncodingDecodesEveryDocumentWithIt() throws {
    let decoded = try CharsetDecoder(
      settings: DecodeSettings(enabled: true, encoding: "ISO-8859-16")
    )
    .decode([0xBA, 0x69]).get()
    #expect(decoded.text == "și")
    #expect(decoded.invalidBytes == 0)
  }
}
