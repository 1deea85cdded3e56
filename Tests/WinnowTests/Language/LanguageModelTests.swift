import Testing

@testable import Winnow

@Suite struct LanguageModelTests {
  @Test func readsEveryKindOfLine() throws {
    let model = try LanguageModel(
      parsing: """
        # comment
        script Hang ko
        words en Latn The of
        letters de Latn Ä
        endings de Latn ung
        beginnings de Latn ge
        han-simplified 们这
        han-traditional 們這
        """)
    #expect(model.candidates.map(\.language) == ["en", "de"])
    #expect(model.words[WordHash.of([0x74, 0x68, 0x65])] == [0])
    #expect(model.letters[0xE4] == [1])
    #expect(model.endings[WordHash.of([0x75, 0x6E, 0x67])] == [1])
    #expect(model.beginnings[WordHash.of([0x67, 0x65])] == [1])
    #expect(model.simplifiedOnly == [0x4EEC, 0x8FD9])
    #expect(model.traditionalOnly.count == 2)
  }

  @Test(arguments: [
    ("script Qqqq xx", "line 1: unknown script Qqqq"),
    ("words en Latn it's", "line 1: 'it's' is not made of letters"),
    ("letters en Latn ab", "line 1: 'ab' is not one letter"),
    ("endings en Latn ation", "line 1: 'ation' is not 2 to 4 letters"),
    ("beginnings en Latn u", "line 1: 'u' is not 2 to 4 letters"),
    ("weights en 1", "line 1: cannot read 'weights en 1'"),
  ])
  func rejectsMalformedLines(_ line: String, _ message: String) {
    #expect {
      try LanguageModel(parsing: line)
    } throws: { ($0 as? LanguageModel.FormatError)?.description == message }
  }

  @Test func theBuiltInModelLoads() {
    #expect(LanguageModel.builtIn.candidates.count > 50)
  }
}
