import Testing

@testable import Winnow

@Suite struct PageTests {
  @Test func splitsAtEveryLineTerminatorButKeepsUnicodeSeparators() {
    let lines = Page.splitLines("a\r\nb\rc\nd\u{2028}e\n")
    #expect(lines.map(\.text) == ["a", "b", "c", "d\u{2028}e"])
    #expect(lines.map(\.number) == [1, 2, 3, 4])
  }

  /// Lines are found eight bytes at a time: a terminator at any offset of a word, two in one
  /// word, a `\r\n` across two words and a last line without one are all found, and the count
  /// agrees with the lines.
  @Test func findsTerminatorsAtEveryOffsetOfAWord() {
    for terminator in ["\n", "\r", "\r\n"] {
      for length in 0..<20 {
        let line = String(repeating: "é", count: length / 2) + String(repeating: "x", count: length)
        let expected = [line, "ab", line, "", "last line without one"]
        let text = expected.dropLast().map { $0 + terminator }.joined() + expected.last!
        #expect(Page.splitLines(text).map(\.text) == expected)
        #expect(Page.lineCount(text) == expected.count)
      }
    }
  }

  /// The line ends found for splitting stop past the limit (`limits.max_lines`), and within
  /// it there is one per line `lineCount` counts.
  @Test func lineEndsStopPastTheLimit() {
    var text = "one\r\ntwo\rthree\n\nfive"
    text.withUTF8 { bytes in
      #expect(Page.lineEnds(bytes, limit: 5) == [3, 8, 14, 15, 20])
      #expect(Page.lineEnds(bytes, limit: 4) == nil)
      #expect(Page.lineEnds(bytes, limit: .max)?.count == Page.lineCount(bytes))
      #expect(Page.lineEnds(UnsafeBufferPointer(rebasing: bytes[0..<0]), limit: 1) == [])
    }
  }
}

@Suite struct CodePointCountTests {
  @Test(arguments: ["", "plain ASCII", "café", "東京 👩‍👩‍👧 ﷽", "a\u{0301}\u{2028}b"])
  func countsWhatUnicodeScalarsCount(text: String) {
    #expect(text.codePointCount == text.unicodeScalars.count)
  }
}
