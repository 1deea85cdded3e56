import Testing

@testable import Winnow

@Suite struct UTF8ScanTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var invalid: Int
    var truncatedTail: Int
    var multibyte: Int
    var damagedUTF8: Bool
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "lone continuation byte", bytes: [0x61, 0x80, 0x62], invalid: 1, truncatedTail: 0,
      multibyte: 0, damagedUTF8: false),
    Case(
      name: "overlong lead", bytes: [0xC0, 0xAF], invalid: 2, truncatedTail: 0, multibyte: 0,
      damagedUTF8: false),
    Case(
      name: "surrogate", bytes: [0xED, 0xA0, 0x80], invalid: 3, truncatedTail: 0, multibyte: 0,
      damagedUTF8: false),
    Case(
      name: "above U+10FFFF", bytes: [0xF4, 0x90, 0x80, 0x80], invalid: 4, truncatedTail: 0,
      multibyte: 0, damagedUTF8: false),
    Case(
      name: "cut-off sequence after good ones", bytes: [0xC3, 0xA9, 0x20, 0xE2, 0x82],
      invalid: 2, truncatedTail: 2, multibyte: 1, damagedUTF8: true),
    Case(
      name: "Latin-1 é before ASCII", bytes: [0x63, 0x61, 0x66, 0xE9, 0x20], invalid: 1,
      truncatedTail: 0, multibyte: 0, damagedUTF8: false),
    Case(
      name: "one bad byte among many good",
      bytes: Array("ééé€€".utf8) + [0xFF] + Array("😀".utf8), invalid: 1, truncatedTail: 0,
      multibyte: 6, damagedUTF8: true),
    Case(
      name: "bad bytes too many for the good ones", bytes: Array("é".utf8) + [0xE9, 0xEA, 0xE8],
      invalid: 3, truncatedTail: 1, multibyte: 1, damagedUTF8: false),
  ]

  @Test(arguments: cases) func scans(_ row: Case) {
    let scan = row.bytes.withUnsafeBufferPointer { UTF8Scan($0) }
    #expect(scan.invalidBytes == row.invalid)
    #expect(scan.truncatedTailBytes == row.truncatedTail)
    #expect(scan.multibyteScalars == row.multibyte)
    #expect(scan.looksLikeDamagedUTF8 == row.damagedUTF8)
  }

  @Test func countsAgreeWithTheStandardLibrarysReplacementsOnRandomBytes() {
    var generator = SeededGenerator(seed: 99)
    for _ in 0..<2000 {
      let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
        UInt8.random(in: 0x70...0xFF, using: &generator)
      }
      let scan = bytes.withUnsafeBufferPointer { UTF8Scan($0) }
      let decoded = String(decoding: bytes, as: UTF8.self)
      let replacements = decoded.unicodeScalars.count(where: { $0 == "\u{FFFD}" })
      let nonASCII = decoded.unicodeScalars.count(where: { !$0.isASCII && $0 != "\u{FFFD}" })
      #expect(nonASCII == scan.multibyteScalars, "bytes \(bytes)")
      #expect((replacements == 0) == (scan.invalidBytes == 0), "bytes \(bytes)")
      #expect(scan.invalidBytes >= replacements, "bytes \(bytes)")
    }
  }
}
