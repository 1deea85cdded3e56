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

extension ICUBreakTests {
  /// Each thread keeps its iterators (opening one is costly): a text broken after another,
  /// longer or shorter, of either kind, is broken as on its own.
  @Test func aReusedIteratorBreaksEachTextAsOnItsOwn() throws {
    let texts = ["He left. She stayed! 它来了。好", "Yo.", "สวัสดีครับ", "A b. C d. E f.", ""]
    let alone = try texts.map { try ICUBreak.boundaries(.sentence, in: Array($0.utf16)) }
    for _ in 0..<2 {
      for (text, expected) in zip(texts, alone) {
        #expect(try ICUBreak.boundaries(.sentence, in: Array(text.utf16)) == expected)
        _ = try ICUBreak.boundaries(.word, in: Array(text.utf16))
      }
    }
    #expect(try pieces(.word, "สวัสดีครับ") == ["สวัสดี", "ครับ"])
  }
}
