import Foundation
import Testing

@testable import Winnow

/// The sets of fixtures/normalize: clean sentences in many languages and scripts, which the
/// default profile must leave byte for byte, and mojibake made by
/// scripts/make_encoding_fixtures.py, which must come back whole.
@Suite struct NormalizeFixtureTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("fixtures/normalize")

  struct CleanLine: CustomTestStringConvertible, Sendable {
    var language: String
    var text: String
    var testDescription: String { language }
  }

  struct MojibakeCase: Decodable, CustomTestStringConvertible, Sendable {
    var language: String
    var chain: [String]
    var broken: String
    var expected: String
    var testDescription: String { "\(language) \(chain.joined(separator: "+"))" }
  }

  static let cleanLines: [CleanLine] = {
    let url = directory.appendingPathComponent("clean.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map { line in
      let fields = line.split(separator: "\t", maxSplits: 1)
      return CleanLine(language: String(fields[0]), text: String(fields.last!))
    }
  }()

  static let mojibakeCases: [MojibakeCase] = {
    let url = directory.appendingPathComponent("mojibake.jsonl")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap {
      try? JSONDecoder().decode(MojibakeCase.self, from: Data($0.utf8))
    }
  }()

  @Test func setsAreLargeEnough() {
    #expect(Set(Self.cleanLines.map(\.language)).count >= 30)
    #expect(Set(Self.mojibakeCases.map(\.language)).count >= 10)
    #expect(Set(Self.mojibakeCases.flatMap(\.chain)).isSuperset(of: ["mac_roman", "cp437"]))
  }

  @Test(arguments: cleanLines) func cleanTextPassesByteForByte(_ line: CleanLine) throws {
    let decoded = try CharsetDecoder(settings: .automatic).decode(Array(line.text.utf8)).get()
    #expect(decoded.encoding == "UTF-8")
    let (text, repairs) = try normalizeLine(decoded.text)
    #expect(Array(text.utf8) == Array(line.text.utf8))
    #expect(repairs.isEmpty)
  }

  @Test(arguments: mojibakeCases) func mojibakeComesBack(_ row: MojibakeCase) throws {
    let (text, repairs) = try normalizeLine(row.broken)
    #expect(text == row.expected)
    #expect((repairs[.mojibake] ?? 0) > 0)
  }
}
