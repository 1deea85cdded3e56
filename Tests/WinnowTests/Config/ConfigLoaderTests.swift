import Foundation
import Testing

@testable import Winnow

/// `fixtures/configs/X.yaml` with `X.err` beside it holding the exact error message; without
/// an `.err`, the file must load.
private let configFixtures = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("fixtures/configs")

private func fixtureNames(withExtension ext: String) -> [String] {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: configFixtures.path)) ?? []
  return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    .filter { FileManager.default.fileExists(atPath: path($0, ext)) }.sorted()
}

private func path(_ name: String, _ ext: String) -> String {
  configFixtures.appendingPathComponent("\(name).\(ext)").path
}

private func loadFixture(_ name: String) throws(ConfigError) -> Configuration {
  let yaml = (try? String(contentsOfFile: path(name, "yaml"), encoding: .utf8)) ?? "?"
  return try Configuration.load(yaml: yaml, file: "\(name).yaml")
}

@Suite struct ConfigLoaderTests {
  @Test(arguments: fixtureNames(withExtension: "err"))
  func fixtureFailsWithItsExactMessage(name: String) throws {
    let expected = try String(contentsOfFile: path(name, "err"), encoding: .utf8)
    #expect(throws: ConfigError.self) { try loadFixture(name) }
    do {
      _ = try loadFixture(name)
    } catch {
      #expect(error.description + "\n" == expected)
    }
  }

  @Test func fixturesCoverTheCasesTheContractNames() {
    let names = Set(fixtureNames(withExtension: "err"))
    for name in ["unknown-key", "wrong-type", "syntax-error", "bad-value"] {
      #expect(names.contains(name), "fixtures/configs/\(name).err is missing")
    }
  }

  @Test(arguments: ["empty", "comments-only"])
  func emptyFileMeansTheDefaults(name: String) throws {
    #expect(try loadFixture(name) == Configuration.builtIn)
  }

  @Test func userValuesReplaceOnlyTheirKeys() throws {
    let configuration = try loadFixture("override")
    var expected = Configuration.builtIn
    expected.limits.maxDocumentBytes = 1024
    expected.output.keepEmpty = true
    #expect(configuration == expected)
  }

  @Test func builtInIsDecodedFromTheCompiledInFile() throws {
    let onDisk = configFixtures.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("config/default.yaml")
    #expect(
      Configuration.defaultYAML == (try String(contentsOf: onDisk, encoding: .utf8)),
      "the compiled-in default differs from config/default.yaml: rebuild (swift build)")
    #expect(Configuration.builtIn.limits.maxDocumentBytes == 64 << 20)
  }

  @Test func missingFileNamesThePathAndTheReason() {
    #expect {
      try Configuration.load(path: "/nonexistent/site.yaml")
    } throws: { error in
      (error as? ConfigError)?.description
        == "/nonexistent/site.yaml: cannot read: No such file or directory"
    }
  }

  @Test func aDirectoryIsUnreadableWithTheSystemsReason() {
    #expect {
      try Configuration.load(path: "/tmp")
    } throws: { error in
      (error as? ConfigError)?.description == "/tmp: cannot read: Is a directory"
    }
  }

  @Test func settingsProblemsPointAtTheKeyTheyName() throws {
    let yaml = """
      boilerplate:
        rules:
          - id: a
          - id: b
            regex: "(unclosed"
      """
    let tree = try Configuration.mergedTree(yaml: yaml, file: "site.yaml")
    let problem = SettingsProblem(keyPath: ["rules", "1", "regex"], message: "bad regex")
    #expect(
      ConfigError(problem, section: "boilerplate", tree: tree).description
        == "site.yaml:5:7: boilerplate.rules[1].regex: bad regex")
    let missing = SettingsProblem(keyPath: ["rules", "0", "regex"], message: "needs a regex")
    #expect(
      ConfigError(missing, section: "boilerplate", tree: tree).description
        == "site.yaml:3:7: boilerplate.rules[0].regex: needs a regex")
  }

  @Test func effectiveYAMLReadsBackToTheSameConfiguration() throws {
    let configuration = try loadFixture("override")
    #expect(try Configuration.load(yaml: configuration.yaml, file: "shown.yaml") == configuration)
  }
}

/// The strict decoder on shapes the config sections will have (lists of rules with enum
/// fields), independent of today's default.yaml.
@Suite struct StrictDecoderTests {
  enum Action: String, Codable, CaseIterable {
    case dropLine = "drop-line"
    case keepLine = "keep-line"
  }

  struct Rule: Codable, Equatable {
    var id: String
    var action: Action
    var languages: [String]?
  }

  struct Section: Codable, Equatable {
    var enabled: Bool
    var rules: [Rule]
  }

  struct Document: Codable, Equatable {
    var boilerplate: Section
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var message: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "misspelt key in a list item",
      yaml: """
        boilerplate:
          enabled: true
          rules:
            - id: a
              action: drop-line
            - id: b
              action: keep-line
            - id: c
              acton: drop-line
        """,
      message: "site.yaml:9:7: boilerplate.rules[2].acton: unknown key; did you mean 'action'?"),
    Case(
      name: "bad enum value",
      yaml: """
        boilerplate:
          enabled: true
          rules:
            - id: a
              action: drop-lines
        """,
      message:
        "site.yaml:5:15: boilerplate.rules[0].action: invalid value 'drop-lines'; expected one"
        + " of drop-line, keep-line; did you mean 'drop-line'?"),
    Case(
      name: "mapping where a list belongs",
      yaml: """
        boilerplate:
          enabled: true
          rules:
            id: a
        """,
      message: "site.yaml:4:5: boilerplate.rules: expected a list, found a mapping"),
    Case(
      name: "missing required key in a list item",
      yaml: """
        boilerplate:
          enabled: true
          rules:
            - action: drop-line
        """,
      message: "site.yaml:4:7: boilerplate.rules[0]: missing key 'id'"),
    Case(
      name: "string where a list of strings belongs",
      yaml: """
        boilerplate:
          enabled: true
          rules:
            - id: a
              action: drop-line
              languages: en
        """,
      message: "site.yaml:6:18: boilerplate.rules[0].languages: expected a list, found 'en'"),
    Case(
      name: "unknown key far from any valid one",
      yaml: """
        boilerplate:
          enabled: true
          rules: []
          zzzzzzzzz: 1
        """,
      message: "site.yaml:4:3: boilerplate.zzzzzzzzz: unknown key"),
  ]

  @Test(arguments: cases)
  func reportsTheKeyPathLineAndNearMiss(_ testCase: Case) {
    #expect {
      try Configuration.decodeStrictly(Document.self, yaml: testCase.yaml, file: "site.yaml")
    } throws: { error in
      (error as? ConfigError)?.description == testCase.message
    }
  }

  @Test func decodesOptionalsAndNulls() throws {
    let yaml = """
      boilerplate:
        enabled: yes
        rules:
          - {id: a, action: keep-line, languages: [en, de]}
          - id: b
            action: drop-line
            languages: ~
      """
    let document = try Configuration.decodeStrictly(Document.self, yaml: yaml, file: "x.yaml")
    #expect(
      document
        == Document(
          boilerplate: Section(
            enabled: true,
            rules: [
              Rule(id: "a", action: .keepLine, languages: ["en", "de"]),
              Rule(id: "b", action: .dropLine, languages: nil),
            ])))
  }

  @Test func suggestionsToleratesCaseAndDashes() {
    #expect(
      NearMiss.suggestion(for: "max-document-bytes", among: ["max_document_bytes", "enabled"])
        == "max_document_bytes")
    #expect(NearMiss.suggestion(for: "colour", among: ["enabled"]) == nil)
  }
}
