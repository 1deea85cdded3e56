import Testing

@testable import Winnow

@Suite struct ByteOrderMarkTests {
  @Test(
    arguments: [
      ([0xEF, 0xBB, 0xBF, 0x41], "UTF-8", 3),
      ([0xFF, 0xFE, 0x41, 0x00], "UTF-16LE", 2),
      ([0xFE, 0xFF, 0x00, 0x41], "UTF-16BE", 2),
      ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE", 4),
      ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE", 4),
    ] as [([UInt8], String, Int)])
  func sniffs(_ bytes: [UInt8], _ encoding: String, _ length: Int) {
    let mark = ByteOrderMark(sniffing: bytes)
    #expect(mark?.encoding == encoding)
    #expect(mark?.length == length)
  }

  @Test func noMarkInPlainText() {
    #expect(ByteOrderMark(sniffing: Array("plain".utf8)) == nil)
    #expect(ByteOrderMark(sniffing: [0xEF, 0xBB]) == nil)
    #expect(ByteOrderMark(sniffing: []) == nil)
  }
}
