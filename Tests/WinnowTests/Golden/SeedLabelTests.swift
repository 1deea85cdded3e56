import Testing

@testable import Winnow

/// Every label of the seed pages (`fixtures/seeds/labels`) must come out of the boilerplate
/// stage: keep (title, heading, content), meta (byline, date) or drop with the labelled kind.
@Suite struct SeedLabelTests {
  struct Label {
    var line: Int
    var label: String
    var kind: String
    var text: String
  }

  static func labels(_ name: String) throws -> [Label] {
    try Fixtures.text("seeds/labels/\(name).tsv").split(separator: "\n").dropFirst().map {
      let fields = $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return Label(line: Int(fields[0])!, label: fields[1], kind: fields[2], text: fields[3])
    }
  }

  static func label(of verdict: Verdict?) -> (label: String, kind: String) {
    switch verdict?.role {
    case nil: ("blank", "-")
    case .title: ("keep", "title")
    case .heading: ("keep", "heading")
    case .content: ("keep", "content")
    case .byline, .date: ("meta", "byline")
    case .dropped(let kind): ("drop", kind.rawValue)
    }
  }

  @Test(arguments: Fixtures.seedNames)
  func reproducesEveryLabel(seed: String) throws {
    let (page, _) = try DefaultBoilerplate.run(try Fixtures.text("seeds/\(seed).txt"))
    let expected = try Self.labels(seed)
    #expect(page.lines.count == expected.count)
    for (line, label) in zip(page.lines, expected) {
      let actual = Self.label(of: line.verdict)
      let rule = line.verdict?.rule.rawValue ?? "-"
      #expect(
        actual.label == label.label,
        "line \(label.line): expected \(label.label) \(label.kind), got \(actual.label) \(actual.kind) by \(rule): \(label.text)"
      )
      if label.label == "drop" || label.kind == "title" {
        #expect(
          actual.kind == label.kind,
          "line \(label.line): expected kind \(label.kind), got \(actual.kind) by \(rule): \(label.text)"
        )
      }
    }
  }
}
