import Foundation
import Testing

@testable import Winnow

/// The decider pass inside the stage: what it decides and leaves alone, that its verdicts
/// carry its rule, kind and score, and that it never loses a page's main block.
@Suite struct LineClassifierPassTests {
  static let sentence =
    "The ministers met on Tuesday to discuss the plan, which would change how the two "
    + "countries share information about missile launches in the region."

  /// A title, text, a heading (line 4) and more text.
  static let page = [
    "Ministers agree on a new plan for sharing data", sentence, sentence,
    "What the plan changes for you", sentence,
  ].joined(separator: "\n")

  /// Runs the stage with the stump model of `LineClassifierTests` written to a file.
  static func run(_ text: String, secondBias: Double = 0, rules: [RuleSpec] = []) throws
    -> (Page, CleaningReport)
  {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("winnow-stump-\(UUID().uuidString).txt").path
    try LineClassifierTests.stump(secondBias: secondBias).write(
      toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var settings = DefaultBoilerplate.settings
    settings.lineModel = path
    settings.rules = rules
    return try DefaultBoilerplate.run(text, settings: settings)
  }

  @Test func leavesShortPagesAlone() throws {
    let (short, _) = try Self.run(
      ["A note", Self.sentence, "What the plan changes for you"].joined(separator: "\n"))
    #expect(!short.lines.contains { $0.verdict?.rule == LineClassifierPass.rule })
  }

  @Test func dropsLinesItJudgesBoilerplateWithRuleKindAndScore() throws {
    let (page, report) = try Self.run(Self.page)
    let verdict = try #require(page.lines[3].verdict)
    #expect(verdict.rule == LineClassifierPass.rule)
    #expect(verdict.role == .dropped(.navigation))
    #expect(abs(verdict.score - (1 - 1 / (1 + exp(3.0)))) < 1e-9)
    #expect(report.removals.contains { $0.rule == LineClassifierPass.rule && $0.line == 4 })
    // Where it agrees with the rules, their verdict (and rule) stays; the title is theirs.
    #expect(page.lines[1].verdict?.role == .content)
    #expect(page.lines[1].verdict?.rule != LineClassifierPass.rule)
    #expect(page.lines[0].verdict?.role == .title)
    #expect(!report.fallback)
  }

  @Test func bringsBackDroppedLinesItJudgesText() throws {
    let lines: [LineContext?] = ["Home", Self.sentence, "More text here.", "News", "Sport"].map {
      LineContext($0, lexicons: Lexicons.builtIn)
    }
    var verdicts: [Verdict?] = lines.map { _ in
      Verdict(role: .dropped(.navigation), rule: ContentScoreRule.id)
    }
    let model = try LineClassifier(text: LineClassifierTests.stump())
    _ = LineClassifierPass(model: model, context: DefaultBoilerplate.settings.context).run(
      on: &verdicts, lines: lines, classes: lines.map { _ in .nearGood },
      language: PageLanguage(lines: lines, lexicons: Lexicons.builtIn))
    #expect(verdicts.map { $0?.role.isKept } == [false, true, true, false, false])
    #expect(verdicts[2]?.rule == LineClassifierPass.rule)
  }

  /// A model that drops every line would lose the article: the rules' main block stays, and
  /// the record says so.
  @Test func fallsBackToTheMainBlockWhenItWouldKeepNothing() throws {
    let (rules, _) = try ContextPassTests.run(Self.page)
    let (page, report) = try Self.run(Self.page, secondBias: -10)
    #expect(report.fallback)
    #expect(
      page.lines.map { $0.verdict?.role.isKept } == rules.lines.map { $0.verdict?.role.isKept })
  }

  @Test func userRulesStillOverrideTheModel() throws {
    let rule = RuleSpec(id: "site.keep", kind: nil, regex: "^What the plan", action: "keep-line")
    let (page, _) = try Self.run(Self.page, rules: [rule])
    #expect(page.lines[3].verdict?.rule == "site.keep")
    #expect(page.lines[3].verdict?.role.isKept == true)
  }
}
