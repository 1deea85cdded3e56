import Testing
import Yams

@testable import Winnow

/// `BoilerplateSettings.problems()`: what the config loader reports with file, line and key.
@Suite struct BoilerplateSettingsTests {
  static func problems(_ rules: [RuleSpec]) -> [SettingsProblem] {
    var settings = DefaultBoilerplate.settings
    settings.rules = rules
    return settings.problems()
  }

  @Test func defaultsHaveNoProblemsAndNoRules() {
    let settings = DefaultBoilerplate.settings
    #expect(settings.problems().isEmpty)
    #expect(settings.rules.isEmpty)
  }

  @Test func badRegexNamesTheICUErrorAndOffset() {
    let problems = Self.problems([
      RuleSpec(id: "ok", kind: "promo", regex: "fine", action: "drop-line"),
      RuleSpec(id: "ok2", kind: "promo", regex: "fine", action: "drop-line"),
      RuleSpec(id: "bad", kind: "promo", regex: "(unclosed", action: "drop-line"),
    ])
    #expect(problems.count == 1)
    #expect(problems[0].keyPath == ["rules", "2", "regex"])
    #expect(problems[0].message.contains("U_REGEX_MISMATCHED_PAREN"))
    #expect(problems[0].message.contains("offset"))
  }

  @Test func needsExactlyOneOfRegexAndPhrases() {
    let neither = Self.problems([RuleSpec(id: "a", kind: "promo", action: "drop-line")])
    #expect(neither.map(\.keyPath) == [["rules", "0"]])
    let both = Self.problems([
      RuleSpec(id: "a", kind: "promo", regex: "x", phrases: ["x"], action: "drop-line")
    ])
    #expect(both.map(\.keyPath) == [["rules", "0"]])
  }

  @Test func unknownKindAndActionSuggestTheNearMiss() {
    let problems = Self.problems([
      RuleSpec(id: "a", kind: "promos", regex: "x", action: "drop-lines")
    ])
    #expect(problems.map(\.keyPath) == [["rules", "0", "action"], ["rules", "0", "kind"]])
    #expect(problems[0].message.contains("did you mean 'drop-line'?"))
    #expect(problems[1].message.contains("did you mean 'promo'?"))
  }

  @Test func droppingRulesNeedAKindAndIdsAreUnique() {
    let problems = Self.problems([
      RuleSpec(id: "a", kind: nil, regex: "x", action: "drop-line"),
      RuleSpec(id: "a", kind: nil, regex: "x", action: "keep-line"),
    ])
    #expect(problems.map(\.keyPath) == [["rules", "0", "kind"], ["rules", "1", "id"]])
  }

  @Test func stageRefusesSettingsWithProblems() {
    var settings = DefaultBoilerplate.settings
    settings.rules = [RuleSpec(id: "bad", kind: "promo", regex: "(", action: "drop-line")]
    #expect(throws: PatternRule.Invalid.self) { try BoilerplateStage(settings: settings) }
  }

  @Test func codingKeysAreTheYAMLKeys() throws {
    let yaml = """
      - id: site.promo
        kind: promo
        regex: "^Sponsored"
        action: drop-line
        languages: [en]
        sources: ["news/**"]
      """
    let rules = try YAMLDecoder().decode([RuleSpec].self, from: yaml)
    #expect(
      rules == [
        RuleSpec(
          id: "site.promo", kind: "promo", regex: "^Sponsored", action: "drop-line",
          languages: ["en"], sources: ["news/**"])
      ])
    #expect(RuleSpec.CodingKeys.allCases.count == 7)
  }

  /// The regex of a stage's only user rule, as compiled.
  static func onlyRegex(of stage: BoilerplateStage) -> ICURegex? {
    guard stage.userRules.count == 1, case .regex(let regex) = stage.userRules[0].matcher
    else { return nil }
    return regex
  }

  @Test func regexesAreCompiledOnceByTheLoaderAndSharedByItsStages() throws {
    let yaml = """
      boilerplate:
        rules:
          - {id: site.promo, kind: promo, regex: "^Sponsored", action: drop-line}
      """
    let configuration = try Configuration.load(yaml: yaml, file: "site.yaml")
    let pipeline = try Pipeline(configuration: configuration)
    let fromPipeline = try #require(
      pipeline.stages.compactMap { $0 as? BoilerplateStage }.first.flatMap(Self.onlyRegex))
    let fromStage = try #require(
      Self.onlyRegex(of: try BoilerplateStage(settings: configuration.boilerplate)))
    #expect(fromPipeline === fromStage)

    // A copy with other rules must not run the loaded ones.
    var changed = configuration.boilerplate
    changed.rules[0].regex = "^Advertisement"
    let recompiled = try #require(Self.onlyRegex(of: try BoilerplateStage(settings: changed)))
    #expect(recompiled !== fromStage)
    #expect(recompiled.pattern == "^Advertisement")
  }
}
