import Testing

@testable import Winnow

@Suite struct DecoderTests {
  let decoder = CharsetDecoder(settings: .automatic)

  @Test func emptyInputIsEmptyText() throws {
    let decoded = try decoder.decode([]).get()
    #expect(decoded.text.isEmpty)
    #expect(decoded.invalidBytes == 0)
  }

  @Test func validUTF8IsTakenAsIsWithFullConfidence() throws {
    let text = "Grüße, 世界! 👩‍👩‍👧 नमस्ते"
    let decoded = try decoder.decode(Array(text.utf8)).get()
    #expect(decoded.text == text)
    #expect(decoded.encoding == "UTF-8")
    #expect(decoded.confidence == 1)
  }

  @Test func byteOrderMarkIsSniffedAndDropped() throws {
    let decoded = try decoder.decode([0xEF, 0xBB, 0xBF] + Array("héllo".utf8)).get()
    #expect(decoded.text == "héllo")
    #expect(decoded.encoding == "UTF-8")
  }

  @Test func aFewBadBytesInUTF8BecomeReplacementCharacters() throws {
    let good = Array(String(repeating: "ça coûte 5 €. ", count: 4).utf8)
    let decoded = try decoder.decode(good + [0xC3, 0x28] + good).get()
    #expect(decoded.encoding == "UTF-8")
    #expect(decoded.invalidBytes == 1)
    #expect(decoded.text.contains("\u{FFFD}("))
    #expect(decoded.confidence < 1)
  }

  @Test func latin1TextIsNotMistakenForDamagedUTF8() throws {
    let bytes: [UInt8] =
      Array("Le caf".utf8) + [0xE9] + Array(" est pr".utf8) + [0xEA, 0x74]
      + Array(" pour l'".utf8) + [0xE9, 0x74, 0xE9, 0x2E]
    let decoded = try decoder.decode(bytes).get()
    #expect(decoded.encoding != "UTF-8")
    #expect(decoded.text == "Le café est prêt pour l'été.")
    #expect(decoded.invalidBytes == 0)
  }

  @Test func smartQuotesOfWindows1252InASCIITextAreDecoded() throws {
    let bytes =
      Array("It".utf8) + [0x92] + Array("s a ".utf8) + [0x93] + Array("test".utf8)
      + [0x94, 0x20, 0x97, 0x20] + Array("really.".utf8)
    let decoded = try decoder.decode(bytes).get()
    #expect(decoded.encoding == "windows-1252")
    #expect(decoded.text == "It’s a “test” — really.")
  }

  @Test func disabledDecodingReadsUTF8AsIs() throws {
    let plain = CharsetDecoder(settings: DecodeSettings(enabled: false, encoding: "auto"))
    let decoded = try plain.decode([0xFF, 0xFE] + Array("ab".utf8)).get()
    #expect(decoded.encoding == "UTF-8")
    #expect(decoded.text == "\u{FFFD}\u{FFFD}ab")
    #expect(decoded.invalidBytes == 2)
  }

  @Test func aFewNulBytesInLongTextAreNotBinary() throws {
    let text = Array(String(repeating: "plain text ", count: 100).utf8)
    let decoded = try decoder.decode(text + [0] + text).get()
    #expect(decoded.encoding == "UTF-8")
    #expect(decoded.text.unicodeScalars.contains("\0"))
  }

  @Test func forcedEncodingIsUsedForEveryDocument() throws {
    let forced = CharsetDecoder(settings: DecodeSettings(enabled: true, encoding: "windows-1251"))
    let decoded = try forced.decode([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]).get()
    #expect(decoded.text == "Привет")
    #expect(decoded.encoding == "windows-1251")
  }

  @Test func unknownForcedEncodingIsASettingsProblem() {
    #expect(throws: SettingsProblem.self) {
      try DecodeSettings(enabled: true, encoding: "no-such-charset").check()
    }
    #expect(throws: Never.self) { try DecodeSettings(enabled: true, encoding: "Big5").check() }
    #expect(throws: Never.self) { try DecodeSettings.automatic.check() }
  }

  @Test func invalidBytesInALegacyCharsetAreCounted() throws {
    let forced = CharsetDecoder(settings: DecodeSettings(enabled: true, encoding: "Shift_JIS"))
    // 0x82 0xA0 is あ; 0x85 0x40 is unassigned in Shift_JIS.
    let decoded = try forced.decode([0x82, 0xA0, 0x85, 0x40]).get()
    #expect(decoded.text.hasPrefix("あ"))
    #expect(decoded.text.contains("\u{FFFD}"))
    #expect(decoded.invalidBytes >= 1)
  }
}

@Suite struct DecoderEdgeTests {
  let decoder = CharsetDecoder(settings: .automatic)

  static func littleEndianBytes(_ units: [UInt16]) -> [UInt8] {
    units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
  }

  @Test func oddTrailingByteOfUTF16IsCountedNotFatal() throws {
    let bytes = Self.littleEndianBytes(Array("plain text".utf16)) + [0x41]
    let decoded = try decoder.decode(bytes).get()
    #expect(decoded.encoding == "UTF-16LE")
    #expect(decoded.text.hasPrefix("plain text"))
    #expect(decoded.invalidBytes == 1)
  }

  @Test func unpairedSurrogateInUTF16IsCounted() throws {
    let units: [UInt16] = Array("ab".utf16) + [0xD800] + Array("cd".utf16)
    let bytes = [0xFF, 0xFE] + Self.littleEndianBytes(units)
    let decoded = try decoder.decode(bytes).get()
    #expect(decoded.text == "ab\u{FFFD}cd")
    #expect(decoded.invalidBytes == 2)
  }
}
