import Testing

@testable import Winnow

@Suite struct ScriptLanguagesTests {
  @Test func readsEveryKindOfLine() throws {
    let languages = try ScriptLanguages(
      parsing: """
        # comment
        script Hang ko
        han-simplified 们这
        han-traditional 們這
        """)
    let hangul = try #require(ScriptTable.shared.code(ofISO: "Hang"))
    #expect(languages.languageOfScript == [hangul: "ko"])
    #expect(languages.simplifiedOnly == [0x4EEC, 0x8FD9])
    #expect(languages.traditionalOnly.count == 2)
  }

  @Test(arguments: [
    ("script Qqqq xx", "line 1: unknown script Qqqq"),
    ("words en Latn the", "line 1: cannot read 'words en Latn the'"),
  ])
  func rejectsMalformedLines(_ line: String, _ message: String) {
    #expect {
      try ScriptLanguages(parsing: line)
    } throws: { ($0 as? ScriptLanguages.FormatError)?.description == message }
  }

  @Test func theBuiltInTableLoads() {
    #expect(ScriptLanguages.builtIn.languageOfScript.count > 15)
  }
}
