import Testing

@testable import Winnow

/// The boilerplate stage with a folder's line repetition: repeated lines go as navigation
/// with their own rule id, rarer ones stay, user rules still decide last.
@Suite struct RepeatedLinePassTests {
  static let footer = SitePages.footer
  static let rare = SitePages.nav

  /// A folder of ten pages: the footer on all of them, the rare line on three.
  static let repetition: LineRepetition = {
    var survey = LineRepetitionSurvey(maxTrackedLines: 1000, maxLineBytes: 400)
    for index in 0..<10 {
      let page = SitePages.page(index, chrome: (index < 3 ? rare : nil, footer))
      survey.add(page: page, folder: "site")
    }
    return survey.tables()["site"]!
  }()

  /// Lines: 0 the rare line, 1 the story's title, 2 and 3 its text, 4 the footer.
  static let page = SitePages.page(1, chrome: (rare, footer))

  static func run(
    rules: [RuleSpec] = [], text: String = page, repetition: LineRepetition? = repetition,
    adjust: (inout CrossDocumentSettings) -> Void = { _ in }
  ) throws -> (Page, CleaningReport) {
    var settings = DefaultBoilerplate.settings
    settings.rules = rules
    adjust(&settings.crossDocument)
    let stage = try BoilerplateStage(settings: settings)
    var page = Page(
      source: "site/b.txt",
      decoded: DecodedText(text: text, encoding: "UTF-8", confidence: 1, invalidBytes: 0))
    page.lineRepetition = repetition
    var report = CleaningReport()
    stage.run(on: &page, report: &report)
    return (page, report)
  }

  @Test func aLineOnEveryPageIsDroppedAsNavigation() throws {
    let (page, report) = try Self.run()
    #expect(
      page.lines[4].verdict
        == Verdict(role: .dropped(.navigation), rule: RepeatedLinePass.rule, score: 1))
    #expect(report.removals.contains { $0.line == 5 && $0.rule == RepeatedLinePass.rule })
    #expect(page.lines[2].verdict?.role.isKept == true)
  }

  @Test func aRepeatedLineWithALegalCueIsLegal() throws {
    let terms =
      "Reproduction of the stories, pictures and graphics that appear on this website, in "
      + "print or in any other form, is subject to the terms of use of the Riverside Courier "
      + "and of its partners, which readers may consult at the office of the newspaper."
    var survey = LineRepetitionSurvey(maxTrackedLines: 1000, maxLineBytes: 400)
    for index in 0..<6 {
      survey.add(page: SitePages.page(index, chrome: (nil, terms)), folder: "site")
    }
    let (page, _) = try Self.run(
      text: SitePages.page(1, chrome: (nil, terms)), repetition: survey.tables()["site"])
    #expect(page.lines[3].verdict?.role == .dropped(.legal))
    #expect(page.lines[3].verdict?.rule == RepeatedLinePass.rule)
  }

  @Test func aLineUnderTheShareIsKept() throws {
    let (page, _) = try Self.run()
    #expect(page.lines[0].verdict?.rule != RepeatedLinePass.rule)
    #expect(page.lines[0].verdict?.role.isKept == true)
  }

  @Test func aLowerShareReachesIt() throws {
    let (page, _) = try Self.run {
      $0.minShare = 0.3
      $0.minPages = 3
    }
    #expect(page.lines[0].verdict?.rule == RepeatedLinePass.rule)
    #expect(page.lines[0].verdict?.score == 0.3)
  }

  @Test func aFolderUnderMinPagesIsNotJudged() throws {
    let (page, _) = try Self.run { $0.minPages = 11 }
    #expect(!page.lines.contains { $0.verdict?.rule == RepeatedLinePass.rule })
  }

  @Test func disabledOrWithoutSurveyNothingChanges() throws {
    let (off, _) = try Self.run { $0.enabled = false }
    let (alone, _) = try Self.run(repetition: nil)
    #expect(!off.lines.contains { $0.verdict?.rule == RepeatedLinePass.rule })
    #expect(off.lines.map(\.verdict) == alone.lines.map(\.verdict))
  }

  @Test func aUserKeepLineOverridesIt() throws {
    let (page, report) = try Self.run(rules: [
      RuleSpec(id: "keep.contact", kind: nil, regex: "^You can always reach", action: "keep-line")
    ])
    #expect(page.lines[4].verdict == Verdict(role: .content, rule: "keep.contact"))
    #expect(!report.removals.contains { $0.line == 5 })
  }

  @Test func badSettingsAreReportedUnderTheirKeys() {
    var settings = DefaultBoilerplate.settings
    settings.crossDocument.minPages = 1
    settings.crossDocument.minShare = 0
    settings.crossDocument.maxTrackedLines = -1
    #expect(
      settings.problems().map(\.keyPath) == [
        ["cross_document", "min_pages"], ["cross_document", "min_share"],
        ["cross_document", "max_tracked_lines"],
      ])
  }
}
