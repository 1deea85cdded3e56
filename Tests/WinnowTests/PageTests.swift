import Testing

@testable import Winnow

@Suite struct PageTests {
  @Test func splitsAtEveryLineTerminatorButKeepsUnicodeSeparators() {
    let lines = Page.splitLines("a\r\nb\rc\nd\u{2028}e\n")
    #expect(lines.map(\.text) == ["a", "b", "c", "d\u{2028}e"])
    #expect(lines.map(\.number) == [1, 2, 3, 4])
  }
}

@Suite struct CodePointCountTests {
  @Test(arguments: ["", "plain ASCII", "café", "東京 👩‍👩‍👧 ﷽", "a\u{0301}\u{2028}b"])
  func countsWhatUnicodeScalarsCount(text: String) {
    #expect(text.codePointCount == text.unicodeScalars.count)
  }
}
