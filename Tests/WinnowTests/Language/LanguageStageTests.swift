import Testing

@testable import Winnow

@Suite struct LanguageStageTests {
  static let settings = LanguageSettings(
    enabled: true, minSegmentChars: 12, minScriptRunChars: 30, sentenceSplitChars: 400,
    minSentenceRunChars: 100, minSentenceRunLead: 0.5, minConfidence: 0.3)

  func tagged(_ text: String) throws -> Page {
    var page = Page(
      source: "test.txt",
      decoded: DecodedText(text: text, encoding: "UTF-8", confidence: 1, invalidBytes: 0))
    var report = CleaningReport()
    try LanguageStage(settings: Self.settings).run(on: &page, report: &report)
    return page
  }

  @Test func thePageLanguageCoversTheMostText() throws {
    let page = try tagged(
      "Die Regierung hat am Montag erklärt, dass sie den Plan nicht ändern wird.\n"
        + "The minister said so.\n2024")
    #expect(page.language == "de")
    #expect(page.segments.last?.end == page.text.unicodeScalars.count)
  }

  @Test func aPageWithoutLettersIsUndetermined() throws {
    let page = try tagged("12 345\n\n678")
    #expect(page.language == "und")
    #expect(page.segments.map(\.language) == ["und"])
  }

  @Test func anEmptyPageHasNoSegments() throws {
    let page = try tagged("")
    #expect(page.segments.isEmpty)
    #expect(page.language == "und")
  }

  @Test func settingsBelowOneAreProblems() {
    var settings = Self.settings
    settings.minSegmentChars = 0
    #expect(throws: SettingsProblem(keyPath: ["min_segment_chars"], message: "must be at least 1"))
    {
      try LanguageStage(settings: settings)
    }
  }
}
