import Foundation
import Testing

@testable import Winnow

/// The classifier pass inside the stage: what it may overrule, and that a model drop keeps
/// its rule, kind and score.
@Suite struct LineClassifierPassTests {
  static let sentence =
    "The ministers met on Tuesday to discuss the plan, which would change how the two "
    + "countries share information about missile launches in the region."

  /// A title, text, a heading (line 4) and more text.
  static let page = [
    "Ministers agree on a new plan for sharing data", sentence, sentence,
    "What the plan changes for you", sentence,
  ].joined(separator: "\n")

  @Test func leavesShortPagesAndTheLastKeptLineAlone() throws {
    let (short, _) = try Self.run(
      ["A note", Self.sentence, "What the plan changes for you"].joined(separator: "\n"),
      drop: "content heading")
    #expect(!short.lines.contains { $0.verdict?.rule == LineClassifierPass.rule })
    // A model that drops every line would leave nothing: the page keeps the rules' verdicts.
    let (rules, _) = try ContextPassTests.run(Self.page)
    let (all, _) = try Self.run(Self.page, drop: "content heading", bias: -10)
    #expect(all.lines.map(\.verdict) == rules.lines.map(\.verdict))
  }

  /// Runs the stage with the stump model of `LineClassifierTests` written to a file.
  static func run(_ text: String, drop: String, bias: Double = 0.5) throws
    -> (Page, CleaningReport)
  {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("winnow-stump-\(UUID().uuidString).txt").path
    try LineClassifierTests.stump(drop: drop, keep: "").replacing("bias 0.5", with: "bias \(bias)")
      .write(
        toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var settings = DefaultBoilerplate.settings
    settings.lineModel = path
    return try DefaultBoilerplate.run(text, settings: settings)
  }

  @Test func dropsKeptLinesItIsSureOfWithRuleKindAndScore() throws {
    let (page, report) = try Self.run(Self.page, drop: "heading")
    let verdict = try #require(page.lines[3].verdict)
    #expect(verdict.rule == LineClassifierPass.rule)
    #expect(verdict.role == .dropped(.navigation))
    #expect(abs(verdict.score - (1 - 1 / (1 + exp(2.0)))) < 1e-9)
    #expect(report.removals.contains { $0.rule == LineClassifierPass.rule && $0.line == 4 })
    #expect(page.lines[1].verdict?.role == .content)
  }

  @Test func leavesGroupsItMayNotOverrule() throws {
    let text = [Self.sentence, "Share on Facebook", Self.sentence].joined(separator: "\n")
    let (withModel, _) = try Self.run(text, drop: "content")
    let (rules, _) = try ContextPassTests.run(text)
    #expect(withModel.lines.map(\.verdict) == rules.lines.map(\.verdict))
  }

  @Test func userRulesStillOverrideTheModel() throws {
    var settings = DefaultBoilerplate.settings
    settings.rules = [
      RuleSpec(id: "site.keep", kind: nil, regex: "^What the plan", action: "keep-line")
    ]
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("winnow-stump-\(UUID().uuidString).txt").path
    try LineClassifierTests.stump(drop: "heading content", keep: "").write(
      toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    settings.lineModel = path
    let (page, _) = try DefaultBoilerplate.run(Self.page, settings: settings)
    #expect(page.lines[3].verdict?.rule == "site.keep")
    #expect(page.lines[3].verdict?.role.isKept == true)
  }

  /// The pass run directly on lines the rules kept as text (or dropped by score, for
  /// lines starting with "-"), with the stump model that drops lines without a sentence
  /// stop and brings back lines with one; returns the roles after.
  static func direct(_ texts: [String]) throws -> [LineRole?] {
    let model = try LineClassifier(text: LineClassifierTests.stump(drop: "content"))
    let lines: [LineContext?] = texts.map {
      LineContext(String($0.trimmingPrefix("-")), lexicons: Lexicons.builtIn)
    }
    var verdicts: [Verdict?] = texts.map {
      $0.hasPrefix("-")
        ? Verdict(role: .dropped(.navigation), rule: ContextPass.scoreRule)
        : Verdict(role: .content, rule: "test.kept")
    }
    LineClassifierPass(model: model).run(
      on: &verdicts, lines: lines, classes: texts.map { _ in .nearGood },
      language: PageLanguage(lines: lines, lexicons: Lexicons.builtIn))
    return verdicts.map { $0?.role }
  }

  static let unfinished =
    "the ministers met on Tuesday to discuss the plan which would change how the two countries"

  @Test func dropsWhenTheDropsLeaveMostOfTheKeptText() throws {
    let roles = try Self.direct([
      Self.sentence, Self.sentence, Self.sentence, "A short teaser line", Self.sentence,
    ])
    #expect(roles.map { $0?.isKept } == [true, true, true, false, true])
  }

  @Test func makesNoDropsThatWouldTakeMoreThanHalfTheKeptText() throws {
    let roles = try Self.direct([
      Self.unfinished, Self.unfinished + " now", Self.unfinished + " again", "Short.",
      "-Brought back.",
    ])
    // The three unfinished lines hold most of the kept tokens: they stay; the line the
    // score dropped still comes back.
    #expect(roles.map { $0?.isKept } == [true, true, true, true, true])
  }
}
