import Testing

@testable import Winnow

@Suite struct ICUBreakTests {
  func pieces(_ kind: ICUBreak.Kind, _ text: String) throws -> [String] {
    let units = Array(text.utf16)
    let boundaries = try ICUBreak.boundaries(kind, in: units)
    return zip(boundaries, boundaries.dropFirst()).map {
      String(decoding: units[$0..<$1], as: UTF16.self)
    }
  }

  @Test func sentencesEndAfterTheirTrailingSpace() throws {
    #expect(
      try pieces(.sentence, "He left. She stayed! 它来了。好") == [
        "He left. ", "She stayed! ", "它来了。", "好",
      ])
  }

  @Test func thaiWordsAreFoundWithoutSpaces() throws {
    #expect(try pieces(.word, "สวัสดีครับ") == ["สวัสดี", "ครับ"])
  }

  @Test func offsetsCountUTF16Units() throws {
    #expect(try ICUBreak.boundaries(.sentence, in: Array("😀 Hi. Yo.".utf16)) == [0, 7, 10])
  }

  @Test func emptyTextHasOneBoundary() throws {
    #expect(try ICUBreak.boundaries(.sentence, in: []) == [0])
  }
}
