import Foundation
import Testing

/// `boilerplate.cross_document` from the command line: on for directories, off for files.
@Suite struct CrossDocumentTests {
  static let nav = "The Riverside Courier covers local politics, schools and the valley weather."
  static let footer =
    "You can always reach the Riverside Courier newsroom by writing to our editors."

  /// Six pages of one site sharing a nav line and a footer line, and a JSONL file beside them.
  private func site() throws -> TemporaryDirectory {
    let tree = try TemporaryDirectory()
    for index in 1...6 {
      try tree.file(
        "site/page\(index).txt",
        [
          Self.nav, "Council story number \(index)",
          "The council met on Tuesday evening to discuss plan number \(index), which would "
            + "change how the town pays for its roads and bridges, officials said.",
          "Residents who spoke at the meeting were divided, with several asking for more time "
            + "to study proposal \(index) before any vote is taken.",
          Self.footer,
        ].joined(separator: "\n") + "\n")
    }
    return tree
  }

  private func removedRules(_ record: [String: Any]) -> [String: String] {
    let winnow = record["winnow"] as? [String: Any]
    let removed = winnow?["removed_lines"] as? [[String: Any]] ?? []
    return Dictionary(
      removed.compactMap { line in
        (line["text"] as? String).map { ($0, line["rule"] as? String ?? "") }
      }, uniquingKeysWith: { first, _ in first })
  }

  @Test func aDirectoryDropsLinesSharedByItsPages() throws {
    let tree = try site()
    let result = try Winnow.run(["clean", tree.path + "/site", "--explain", "-j", "1"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.records.count == 6)
    for record in result.records {
      let text = record["text"] as? String ?? ""
      #expect(!text.contains(Self.nav) && !text.contains(Self.footer))
      #expect(text.contains("Council story number"))
      let rules = removedRules(record)
      #expect(rules[Self.nav] == "context.repeated-across-pages")
      #expect(rules[Self.footer] == "context.repeated-across-pages")
    }
  }

  @Test func theSamePagesAsFilesKeepThePerPageDecisions() throws {
    let tree = try site()
    let files = (1...6).map { tree.path + "/site/page\($0).txt" }
    let result = try Winnow.run(["clean"] + files + ["--explain"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.records.count == 6)
    for record in result.records {
      #expect(!removedRules(record).values.contains("context.repeated-across-pages"))
      #expect((record["text"] as? String)?.contains(Self.footer) == true)
    }
  }

  @Test func oneJobAndTwoJobsWriteTheSameBytes() throws {
    let tree = try site()
    try tree.file("site/more/page7.txt", "A page alone in its folder.\n" + Self.footer + "\n")
    let one = try Winnow.run(["clean", tree.path, "--explain", "-j", "1"])
    let two = try Winnow.run(["clean", tree.path, "--explain", "-j", "2"])
    #expect(one.status == 0)
    #expect(one.records.count == 7)
    #expect(one.stdout == two.stdout)
  }

  @Test func theConfigSwitchesItOff() throws {
    let tree = try site()
    let config = try tree.file("off.yaml", "boilerplate:\n  cross_document:\n    enabled: false\n")
    let result = try Winnow.run(["clean", tree.path + "/site", "--explain", "--config", config])
    #expect(result.status == 0, "\(result.stderr)")
    for record in result.records {
      #expect(!removedRules(record).values.contains("context.repeated-across-pages"))
    }
  }

  /// The survey counts lines as the boilerplate stage looks them up: normalized. A footer
  /// written with an entity on half the pages (`&amp;`) and with the character on the others
  /// is one line on every page, and goes from all six.
  @Test func theSurveyCountsLinesInTheirNormalizedForm() throws {
    let tree = try TemporaryDirectory()
    let footer = "Write to the Riverside Courier newsroom & editors any time of the day."
    for index in 1...6 {
      let written = index % 2 == 0 ? footer.replacingOccurrences(of: "&", with: "&amp;") : footer
      try tree.file(
        "site/page\(index).txt",
        [
          "Council story number \(index)",
          "The council met on Tuesday evening to discuss plan number \(index), which would "
            + "change how the town pays for its roads and bridges, officials said.",
          written,
        ].joined(separator: "\n") + "\n")
    }
    let config = try tree.file(
      "all.yaml", "boilerplate:\n  cross_document:\n    min_share: 1.0\n")
    let result = try Winnow.run(
      ["clean", tree.path + "/site", "--explain", "-j", "1", "--config", config])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.records.count == 6)
    for record in result.records {
      #expect(removedRules(record)[footer] == "context.repeated-across-pages")
    }
  }
}
