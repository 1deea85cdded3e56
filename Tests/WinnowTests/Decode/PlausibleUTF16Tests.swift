import Testing

@testable import Winnow

/// CJK text in UTF-16 without a BOM has NULs on both sides of its units (`一` is 4E 00, a line
/// feed 00 0A), so no NUL pattern names the byte order: a clean, plausible conversion does.
@Suite struct PlausibleUTF16Tests {
  static func bytes(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { unit in
      let high = UInt8(unit >> 8)
      let low = UInt8(unit & 0xFF)
      return bigEndian ? [high, low] : [low, high]
    }
  }

  /// 4,095 units, then an emoji whose surrogate pair straddles the end of the 8 KiB sample.
  static let longText =
    String(repeating: "一月の東京は寒い。\n", count: 409) + "一二三四五" + "😀"
    + String(repeating: "一月の東京は寒い。\n", count: 20)

  @Test(arguments: [true, false])
  func longTextWithASurrogatePairAtTheSampleEdgeDecodes(bigEndian: Bool) throws {
    #expect(Array(Self.longText.utf16)[4095] == 0xD83D)
    let decoded = try CharsetDecoder(settings: .automatic)
      .decode(Self.bytes(Self.longText, bigEndian: bigEndian)).get()
    #expect(decoded.encoding == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
    #expect(decoded.text == Self.longText)
    #expect(decoded.invalidBytes == 0)
  }
}
