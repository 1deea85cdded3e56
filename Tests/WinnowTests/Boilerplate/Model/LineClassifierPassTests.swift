import Foundation
import Testing

@testable import Winnow

/// The classifier pass inside the stage: what it may overrule, and that a model drop keeps
/// its rule, kind and score.
@Suite struct LineClassifierPassTests {
  static let sentence =
    "The ministers met on Tuesday to discuss the plan, which would change how the two "
    + "countries share information about missile launches in the region."

  /// Runs the stage with the stump model of `LineClassifierTests` written to a file.
  static func run(_ text: String, overrules: String) throws -> (Page, CleaningReport) {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("winnow-stump-\(UUID().uuidString).txt").path
    try LineClassifierTests.stump(overrules: overrules).write(
      toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var settings = DefaultBoilerplate.settings
    settings.lineModel = path
    return try DefaultBoilerplate.run(text, settings: settings)
  }

  @Test func dropsKeptLinesItIsSureOfWithRuleKindAndScore() throws {
    let heading = "Ministers agree on a new plan for sharing data"
    let text = [heading, Self.sentence, Self.sentence, "What the plan changes for you", Self.sentence]
      .joined(separator: "\n")
    let (page, report) = try Self.run(text, overrules: "heading")
    let verdict = try #require(page.lines[3].verdict)
    #expect(verdict.rule == LineClassifierPass.rule)
    #expect(verdict.role == .dropped(.navigation))
    #expect(abs(verdict.score - (1 - 1 / (1 + exp(2.0)))) < 1e-9)
    #expect(report.removals.contains { $0.rule == LineClassifierPass.rule && $0.line == 4 })
    #expect(page.lines[1].verdict?.role == .content)
  }

  @Test func leavesGroupsItMayNotOverrule() throws {
    let text = [Self.sentence, "Share on Facebook", Self.sentence].joined(separator: "\n")
    let (withModel, _) = try Self.run(text, overrules: "content")
    let (rules, _) = try DefaultBoilerplate.run(text)
    #expect(withModel.lines.map(\.verdict) == rules.lines.map(\.verdict))
  }

  @Test func userRulesStillOverrideTheModel() throws {
    var settings = DefaultBoilerplate.settings
    settings.rules = [
      RuleSpec(id: "site.keep", kind: nil, regex: "^What the plan", action: "keep-line")
    ]
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("winnow-stump-\(UUID().uuidString).txt").path
    try LineClassifierTests.stump(overrules: "heading content").write(
      toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    settings.lineModel = path
    let text = [Self.sentence, "What the plan changes for you", Self.sentence].joined(separator: "\n")
    let (page, _) = try DefaultBoilerplate.run(text, settings: settings)
    #expect(page.lines[1].verdict?.rule == "site.keep")
    #expect(page.lines[1].verdict?.role.isKept == true)
  }
}
