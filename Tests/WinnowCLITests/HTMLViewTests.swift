import Foundation
import Testing

/// `winnow explain --html` and `winnow report`, read back as a browser would get them.
@Suite struct ExplainHTMLTests {
  static let pages = [
    "seeds/000_a8e7aef4af59db06.txt", "seeds/002_8ac4c28ee9c93345.txt", "html/arabic.txt",
    "html/chinese.txt",
  ]

  static func fixture(_ path: String) -> String {
    Winnow.repositoryRoot.appendingPathComponent("fixtures").appendingPathComponent(path).path
  }

  /// The page's record, as `winnow clean --explain` writes it.
  static func record(_ path: String) throws -> [String: Any] {
    let result = try Winnow.run(["clean", path, "--explain", "--progress", "never"])
    return try #require(result.records.first)
  }

  @Test(arguments: pages)
  func legendAndRowsAgreeWithTheRecord(page: String) throws {
    let path = Self.fixture(page)
    let result = try Winnow.run(["explain", "--html", path])
    #expect(result.status == 0, "\(result.stderr)")
    let html = result.stdoutText
    let winnow = try #require(try Self.record(path)["winnow"] as? [String: Any])
    let removed = try #require(winnow["removed"] as? [String: Int])
    let legend = Dictionary(
      uniqueKeysWithValues: zip(
        HTMLStructure.values(of: "data-kind", in: html, where: "class=\"chip"),
        HTMLStructure.values(
          of: "data-count", in: html, where: "class=\"chip"
        ).compactMap { Int($0) }))
    #expect(legend == removed)
    // Every removed line of the record is a struck-through row with its kind and text.
    let removedLines = try #require(winnow["removed_lines"] as? [[String: Any]])
    let dropRows = HTMLStructure.values(of: "id", in: html, where: "data-verdict=\"drop\"")
    #expect(dropRows == removedLines.map { "L\($0["line"] as? Int ?? 0)" })
    for line in removedLines {
      let number = line["line"] as? Int ?? 0
      let kind = line["kind"] as? String ?? ""
      let row = html.components(separatedBy: "<tr id=\"L\(number)\" ").dropFirst().first?
        .components(separatedBy: "</tr>").first
      #expect(row?.hasPrefix("class=\"drop k-\(kind)\"") == true)
      // The text as dropped; a repaired line shows its text before repair after it.
      let text = Self.escaped(line["text"] as? String ?? "")
      #expect(row?.contains("<td class=\"text\" dir=\"auto\">\(text)<") == true)
    }
    let kept = HTMLStructure.values(of: "id", in: html, where: "data-verdict=\"keep\"")
    #expect(kept.count == winnow["lines_kept"] as? Int)
    let structure = HTMLStructure(html)
    #expect(structure.problems.isEmpty, "\(structure.problems)")
    #expect(structure.externalReferences.isEmpty)
    #expect(structure.tagCounts["script"] == nil)
  }

  @Test func rightToLeftAndChineseTextIsShownAsItIs() throws {
    let arabic = try Winnow.run(["explain", "--html", Self.fixture("html/arabic.txt")]).stdoutText
    #expect(
      arabic.contains(
        "<dd dir=\"auto\" data-meta=\"title\">افتتاح مكتبة عامة جديدة في وسط المدينة</dd>"))
    #expect(arabic.contains("data-language=\"ar\""))
    #expect(arabic.contains("data-language=\"en\""), "the English paragraph is its own segment")
    // Every text cell sets its own direction, so Arabic lines read right to left.
    #expect(
      arabic.components(separatedBy: "<td class=\"text\"").count
        == arabic.components(separatedBy: "<td class=\"text\" dir=\"auto\">").count)
    // The repaired quote shows its entity before repair.
    #expect(arabic.contains("<del>وقال رئيس البلدية في كلمة خلال حفل الافتتاح: &amp;quot;"))
    let chinese = try Winnow.run(["explain", "--html", Self.fixture("html/chinese.txt")])
      .stdoutText
    #expect(chinese.contains(">公园管理处负责人介绍，这次改造保留了园内所有的老树"))
    #expect(chinese.contains("data-language=\"zh\""))
  }

  /// A page holding markup must show it as text and leave the view's own markup whole.
  @Test func markupInAPageCannotBreakTheView() throws {
    let tree = try TemporaryDirectory()
    let page = try tree.file(
      "markup.txt",
      "Menu </td></tr></table> <script>alert('x')</script>\n\n"
        + "This article explains why <b>bold</b> tags & entities like &lt; must stay text when a "
        + "page is shown, and why a stray </td> cannot end a table cell early.\n\n"
        + "<img src=\"http://example.com/x.png\"> <a href=\"http://example.com\">link</a>\n")
    let html = try Winnow.run(["explain", "--html", page]).stdoutText
    let structure = HTMLStructure(html)
    #expect(structure.problems.isEmpty, "\(structure.problems)")
    #expect(structure.tagCounts["script"] == nil)
    #expect(structure.tagCounts["img"] == nil)
    #expect(structure.tagCounts["a"] == nil)
    #expect(structure.externalReferences.isEmpty)
    #expect(html.contains("Menu &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt; &lt;script&gt;"))
    #expect(structure.tagCounts["tr"] == 3)
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
      .replacingOccurrences(of: "'", with: "&#39;")
  }
}

@Suite struct ReportCommandTests {
  /// A run over the seeds, the Arabic and Chinese pages, an empty page (a drop) and a binary
  /// file (a failure), with drops and errors inline.
  private func cleanRun(in tree: TemporaryDirectory) throws -> (
    path: String, lines: [[String: Any]]
  ) {
    let fixtures = Winnow.repositoryRoot.appendingPathComponent("fixtures")
    let pages =
      try FileManager.default.contentsOfDirectory(
        atPath: fixtures.appendingPathComponent("seeds").path
      ).filter { $0.hasSuffix(".txt") }.map { "seeds/\($0)" } + [
        "html/arabic.txt", "html/chinese.txt",
      ]
    for page in pages {
      try tree.file(
        "in/\(page)", bytes: Array(try Data(contentsOf: fixtures.appendingPathComponent(page))))
    }
    try tree.file("in/empty.txt", "   \n")
    try tree.file("in/binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0])
    let output = tree.url.appendingPathComponent("out.jsonl").path
    let result = try Winnow.run([
      "clean", tree.url.appendingPathComponent("in").path, "--explain", "--drops", "inline",
      "--errors", "inline", "-o", output, "--progress", "never",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let data = try String(contentsOfFile: output, encoding: .utf8)
    let lines = data.split(separator: "\n").map {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:]
    }
    return (output, lines)
  }

  @Test func reportCountsWhatTheRunWrote() throws {
    let tree = try TemporaryDirectory()
    let (output, lines) = try cleanRun(in: tree)
    let records = lines.filter { $0["winnow"] != nil }
    #expect(records.count == 7)
    let reportPath = tree.url.appendingPathComponent("report.html").path
    let result = try Winnow.run(["report", output, "--sample", "3", "-o", reportPath])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: reportPath, encoding: .utf8)
    let structure = HTMLStructure(html)
    #expect(structure.problems.isEmpty, "\(structure.problems)")
    #expect(structure.externalReferences.allSatisfy { $0.hasPrefix("#page-") })
    #expect(structure.tagCounts["script"] == nil)

    func fact(_ key: String) -> String? {
      guard let start = html.range(of: "data-fact=\"\(key)\"") else { return nil }
      let rest = html[start.upperBound...]
      guard let value = rest.range(of: "<dd>"), let end = rest.range(of: "</dd>") else {
        return nil
      }
      return String(rest[value.upperBound..<end.lowerBound])
    }
    #expect(fact("documents") == "9")
    #expect(fact("records") == "7")
    #expect(fact("dropped") == "1")
    #expect(fact("failed") == "1")

    // The kind chart's bars are the sums of the records' `removed`.
    var byKind: [String: Int] = [:]
    var byRule: [String: Int] = [:]
    for record in records {
      let winnow = record["winnow"] as? [String: Any] ?? [:]
      for (kind, count) in winnow["removed"] as? [String: Int] ?? [:] {
        byKind[kind, default: 0] += count
      }
      for line in winnow["removed_lines"] as? [[String: Any]] ?? [] {
        byRule[line["rule"] as? String ?? "", default: 0] += 1
      }
    }
    #expect(chart("kinds", in: html) == byKind)
    #expect(chart("rules", in: html) == byRule)
    #expect(chart("outcomes", in: html) == ["dropped: empty": 1, "failed: binary": 1])
    #expect(chart("languages", in: html).values.reduce(0, +) == 7)

    // Three sampled pages, each listing every removed line of its record.
    let anchors = structure.references
    #expect(anchors == ["#page-1", "#page-2", "#page-3"])
    for number in 1...3 {
      let section = try #require(page(number, in: html))
      let id = try #require(
        section.components(separatedBy: "<span class=\"id\" dir=\"auto\">").dropFirst().first?
          .components(separatedBy: "</span>").first)
      let record = try #require(records.first { ($0["id"] as? String) == id })
      let removedLines =
        (record["winnow"] as? [String: Any])?["removed_lines"] as? [[String: Any]] ?? []
      let rows = HTMLStructure.values(of: "id", in: section, where: "data-verdict=\"drop\"")
      #expect(rows == removedLines.map { "page-\(number)-L\($0["line"] as? Int ?? 0)" })
    }
  }

  @Test func theSameRunGivesTheSameReportAndGzipReadsTheSame() throws {
    let tree = try TemporaryDirectory()
    let (output, _) = try cleanRun(in: tree)
    let first = try Winnow.run(["report", output, "--sample", "2"])
    let second = try Winnow.run(["report", output, "--sample", "2"])
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
    gzip.arguments = ["-k", output]
    try gzip.run()
    gzip.waitUntilExit()
    let compressed = try Winnow.run(["report", output + ".gz", "--sample", "2"])
    #expect(compressed.status == 0, "\(compressed.stderr)")
    #expect(
      compressed.stdoutText.replacingOccurrences(of: output + ".gz", with: output)
        == first.stdoutText)
  }

  /// `--output-dir` runs leave a tree of outputs: the report reads them all.
  @Test func aDirectoryOfOutputsIsOneReport() throws {
    let tree = try TemporaryDirectory()
    let (output, _) = try cleanRun(in: tree)
    let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
    try tree.file("outputs/a.jsonl", lines.prefix(4).joined(separator: "\n") + "\n")
    try tree.file("outputs/more/b.jsonl", lines.dropFirst(4).joined(separator: "\n") + "\n")
    let whole = try Winnow.run(["report", output, "--sample", "0"])
    let split = try Winnow.run([
      "report", tree.url.appendingPathComponent("outputs").path, "--sample", "0",
    ])
    #expect(split.status == 0, "\(split.stderr)")
    // All but the title, which names the inputs.
    let body = { (html: String) in html.components(separatedBy: "</p>").dropFirst() }
    #expect(body(split.stdoutText) == body(whole.stdoutText))
    #expect(split.stdoutText.contains("<dd>9</dd>"))
  }

  @Test func recordsWithoutExplainSayHowToGetRules() throws {
    let tree = try TemporaryDirectory()
    let page = try tree.file("page.txt", "Home | News\n\nA paragraph of text that stays.\n")
    let run = try Winnow.run(["clean", page, "--progress", "never"])
    let report = try Winnow.run(["report", "--sample", "1"], stdin: run.stdout)
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stdoutText.contains("make them with winnow clean --explain"))
  }

  @Test func aMissingInputFailsWithItsName() throws {
    let result = try Winnow.run(["report", "/no/such/out.jsonl"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("/no/such/out.jsonl"))
  }

  /// Each bar of the chart named `name`: its label and value.
  private func chart(_ name: String, in html: String) -> [String: Int] {
    guard let start = html.range(of: "data-chart=\"\(name)\"") else { return [:] }
    let svg = html[start.upperBound...].components(separatedBy: "</svg>")[0]
    let labels = HTMLStructure.values(of: "data-label", in: svg, where: "class=\"bar\"")
    let values = HTMLStructure.values(of: "data-value", in: svg, where: "class=\"bar\"")
    return Dictionary(zip(labels, values.compactMap { Int($0) }), uniquingKeysWith: +)
  }

  /// The HTML of the sampled page `number`.
  private func page(_ number: Int, in html: String) -> String? {
    guard let start = html.range(of: "<details class=\"page\" id=\"page-\(number)\"") else {
      return nil
    }
    return String(html[start.lowerBound...].components(separatedBy: "</details>")[0])
  }
}
