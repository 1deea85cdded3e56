import Testing

@testable import Winnow

@Suite struct PageTests {
  @Test func splitsAtEveryLineTerminatorButKeepsUnicodeSeparators() {
    let lines = Page.splitLines("a\r\nb\rc\nd\u{2028}e\n")
    #expect(lines.map(\.text) == ["a", "b", "c", "d\u{2028}e"])
    #expect(lines.map(\.number) == [1, 2, 3, 4])
  }
}
