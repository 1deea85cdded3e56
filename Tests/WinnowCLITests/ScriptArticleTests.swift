import Foundation
import Testing

/// One short news article in each of 31 languages and 27 scripts (fixtures/articles, written
/// for this test): `winnow clean` must keep every paragraph and give every segment the script
/// that `scripts.tsv` names. Thai and Lao write no sentence punctuation and Tibetan ends
/// sentences with `།`. (The headline is not checked: Korean and Khmer ones are still dropped
/// as too short to be a heading.)
@Suite struct ScriptArticleTests {
  static let folder = Winnow.repositoryRoot.appendingPathComponent("fixtures/articles")

  static func expectedScripts() throws -> [(file: String, script: String)] {
    try String(contentsOf: folder.appendingPathComponent("scripts.tsv"), encoding: .utf8)
      .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
        let fields = row.split(separator: "\t")
        return (String(fields[0]), String(fields[1]))
      }
  }

  @Test func everyArticleKeepsItsLinesAndGetsItsScript() throws {
    let expected = try Self.expectedScripts()
    #expect(expected.count >= 30)
    let result = try Winnow.run(["clean", Self.folder.path, "--jobs", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    let records = Dictionary(
      uniqueKeysWithValues: result.records.map { ($0["id"] as? String ?? "", $0) })
    for (file, script) in expected {
      guard let record = records[file] else {
        Issue.record("\(file): no record (the whole article was dropped)")
        continue
      }
      let source = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
      let lines = source.split(separator: "\n").map(String.init)
      let text = (record["text"] as? String ?? "").split(separator: "\n").map(String.init)
      for paragraph in lines.dropFirst() {
        #expect(
          text.contains { $0.utf8.elementsEqual(paragraph.utf8) },
          "\(file): paragraph dropped: \(paragraph.prefix(40))")
      }
      let segments = record["segments"] as? [[String: Any]] ?? []
      #expect(!segments.isEmpty, "\(file): no segments")
      for segment in segments {
        #expect(segment["script"] as? String == script, "\(file): segment \(segment)")
      }
    }
  }
}
