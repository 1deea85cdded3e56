import Foundation
import Testing

/// A page through `winnow clean`, with the rules alone or with the default models: the
/// boilerplate CLI tests read what the record keeps.
enum CleanedPage {
  /// A configuration with the line decider and the page-type model off.
  static func rulesOnlyConfig(_ tree: TemporaryDirectory) throws -> String {
    try tree.file("rules.yaml", "boilerplate:\n  page_types: \"off\"\n  line_model: \"off\"\n")
  }

  /// The lines of the record's text, as bytes: `String ==` would take NFD and NFC as equal.
  static func keptLines(of page: String, rulesOnly: Bool) throws -> [[UInt8]] {
    let tree = try TemporaryDirectory()
    let config = rulesOnly ? ["--config", try rulesOnlyConfig(tree)] : []
    let result = try Winnow.run(["clean", page, "--progress", "never"] + config)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try #require(result.records.first?["text"] as? String)
    return text.split(separator: "\n").map { Array($0.utf8) }
  }

  /// True when `winnow explain`, with the rules alone, keeps each of `lines` under `rule`.
  static func rulesOnlyExplainKeeps(_ lines: [String], by rule: String, page: String) throws
    -> Bool
  {
    let tree = try TemporaryDirectory()
    let result = try Winnow.run(["explain", page, "--config", try rulesOnlyConfig(tree)])
    #expect(result.status == 0, "\(result.stderr)")
    let explained = result.stdoutText.split(separator: "\n")
    return lines.allSatisfy { line in
      explained.contains {
        $0.hasSuffix("| \(line)") && $0.contains(" keep ") && $0.contains(" \(rule) ")
      }
    }
  }
}
