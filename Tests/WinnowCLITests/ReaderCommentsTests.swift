import Foundation
import Testing

/// Issue 13: reader comments under an article go to the record's `comments`
/// (`boilerplate.comments: field`, the default), stay in `text` (`keep`) or are dropped
/// (`drop`). Three pages of fixtures/comments, each an article with comments in a structure
/// of its language's sites: a blog's "X says:" thread with dates and Reply buttons (English),
/// a news site's "12 Kommentare" with names, relative times, "Antworten" and "Melden"
/// (German), and a "Commentaires" list with names and "Répondre" (French).
@Suite struct ReaderCommentsTests {
  struct Page: CustomTestStringConvertible, Sendable {
    var file: String
    var comments: [String]
    var testDescription: String { file }
  }

  static let pages = [
    Page(
      file: "blog-en.txt",
      comments: [
        "The fridge trick saved my starter last August when we were away for ten days. It smelled"
          + " strange at first but came back after the second feeding.",
        "Do you use the same flour for the thicker feeding, or something with more protein?\n"
          + "I have only whole wheat flour at home and my starter goes sour very quickly in the"
          + " heat.",
        "Whole wheat works well, Priya, but it ferments faster, so give it a little less water"
          + " than you would with white flour.",
      ]),
    Page(
      file: "news-de.txt",
      comments: [
        "Endlich! Ich fahre jeden Tag mit dem Rad zur Arbeit und die Uferstraße ist bisher"
          + " wirklich gefährlich, vor allem im Winter, wenn es früh dunkel wird.",
        "Und wer bezahlt die Tiefgarage? Davon stand im Wahlprogramm nichts, und die"
          + " Parkgebühren werden am Ende wieder die Anwohner tragen.",
      ]),
    Page(
      file: "article-fr.txt",
      comments: [
        "Lu en une nuit, je ne pouvais plus le lâcher. Les pages sur la tempête de 1987 sont"
          + " bouleversantes.",
        "Mon grand-père était marin à Douarnenez et j'ai reconnu beaucoup de ses histoires dans"
          + " ce livre. Merci à l'auteure pour ce beau travail de mémoire.",
      ]),
  ]

  /// The output line of `winnow clean` for a fixture page with `boilerplate.comments: mode`
  /// (no config: the default).
  private func clean(_ page: Page, mode: String?, explain: Bool = false) throws -> String {
    let path = Winnow.repositoryRoot.appendingPathComponent("fixtures/comments/\(page.file)")
    var arguments = ["clean", path.path, "--progress", "never"]
    // Lives to the end of the run: the directory goes when it does.
    let tree = try TemporaryDirectory()
    if let mode {
      arguments += ["--config", try tree.file("c.yaml", "boilerplate:\n  comments: \(mode)\n")]
    }
    if explain { arguments.append("--explain") }
    let result = try Winnow.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdoutText
  }

  private static func json(_ line: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
  }

  /// The comments as the record writes them: none of the fixtures' strings needs escaping.
  private static func commentsMember(_ comments: [String]) -> String {
    #","comments":["#
      + comments.map { "\"" + $0.replacingOccurrences(of: "\n", with: #"\n"#) + "\"" }
      .joined(separator: ",") + "]"
  }

  @Test(arguments: pages)
  func fieldIsTheDropRecordPlusTheComments(_ page: Page) throws {
    let drop = try clean(page, mode: "drop")
    let field = try clean(page, mode: "field")
    #expect(!drop.contains(#""comments""#))
    // Byte for byte: the same record, with `comments` added before `winnow`.
    let expected = drop.replacingOccurrences(
      of: #","winnow":"#, with: Self.commentsMember(page.comments) + #","winnow":"#)
    #expect(field == expected)
    #expect(Self.json(field)["comments"] as? [String] == page.comments)
    #expect(try clean(page, mode: nil) == field, "field is the default")
  }

  @Test(arguments: pages)
  func keepPutsTheCommentsAfterTheArticleInTheText(_ page: Page) throws {
    let drop = Self.json(try clean(page, mode: "drop"))
    let keep = Self.json(try clean(page, mode: "keep"))
    let article = try #require(drop["text"] as? String)
    #expect(keep["text"] as? String == ([article] + page.comments).joined(separator: "\n"))
    #expect(keep["comments"] == nil)
    let lines = page.comments.map { $0.split(separator: "\n").count }.reduce(0, +)
    let removed = { (record: [String: Any]) in
      ((record["winnow"] as? [String: Any])?["removed"] as? [String: Int])?["comment-widget"]
    }
    #expect(removed(keep).map { $0 + lines } == removed(drop), "kept lines are not removals")
    let segments = try #require(keep["segments"] as? [[String: Any]])
    #expect(segments.last?["end"] as? Int == (keep["text"] as? String)?.unicodeScalars.count)
  }

  /// The comment lines keep their kind and rule in `removed_lines`, with `"to":"comments"`;
  /// `winnow.removed` counts the same as with `drop`.
  @Test(arguments: pages)
  func explainMarksTheLinesThatWentToComments(_ page: Page) throws {
    let field = Self.json(try clean(page, mode: "field", explain: true))
    let drop = Self.json(try clean(page, mode: "drop", explain: true))
    let report = try #require(field["winnow"] as? [String: Any])
    let removedLines = try #require(report["removed_lines"] as? [[String: Any]])
    let moved = removedLines.filter { $0["to"] as? String == "comments" }
    #expect(
      moved.map { $0["text"] as? String ?? "" }.joined(separator: "\n")
        == page.comments.joined(separator: "\n"))
    #expect(moved.allSatisfy { $0["kind"] as? String == "comment-widget" })
    #expect(moved.allSatisfy { $0["rule"] as? String == "context.zone" })
    let dropReport = try #require(drop["winnow"] as? [String: Any])
    #expect(report["removed"] as? [String: Int] == dropReport["removed"] as? [String: Int])
    let dropLines = try #require(dropReport["removed_lines"] as? [[String: Any]])
    #expect(dropLines.count == removedLines.count)
    #expect(!dropLines.contains { $0["to"] != nil })
  }

  @Test func explainShowsCommentLinesAsMovedToComments() throws {
    let path = Winnow.repositoryRoot.appendingPathComponent("fixtures/comments/news-de.txt")
    let result = try Winnow.run(["explain", path.path])
    let lines = result.stdoutText.split(separator: "\n")
    let moved = lines.filter { $0.contains(" meta  comments ") }
    #expect(moved.count == 2)
    #expect(moved.first?.hasPrefix("   11 meta  comments        context.zone") == true)
    #expect(lines.last?.hasSuffix("; 2 reader comments to comments") == true)
  }

  /// `winnow report` lists a sampled record's comments and marks their lines as moved.
  @Test func theReportShowsTheCommentsOfItsSample() throws {
    let tree = try TemporaryDirectory()
    let output = tree.url.appendingPathComponent("out.jsonl").path
    let folder = Winnow.repositoryRoot.appendingPathComponent("fixtures/comments").path
    let run = try Winnow.run(["clean", folder, "--explain", "-o", output, "--progress", "never"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try Winnow.run(["report", output, "--sample", "3"])
    #expect(report.status == 0, "\(report.stderr)")
    let html = report.stdoutText
    for page in Self.pages {
      #expect(html.contains("<dt>comments (\(page.comments.count))</dt>"))
    }
    let movedRows = html.components(
      separatedBy: "data-verdict=\"meta\" data-kind=\"comment-widget\"")
    let movedLines = Self.pages.flatMap(\.comments).map { $0.split(separator: "\n").count }
    #expect(movedRows.count - 1 == movedLines.reduce(0, +))
  }

  @Test func aMisspeltModeIsAConfigErrorWithTheNearMiss() throws {
    let tree = try TemporaryDirectory()
    let config = try tree.file("c.yaml", "boilerplate:\n  comments: feild\n")
    let result = try Winnow.run(["config", "check", config])
    #expect(result.status == 2)
    #expect(result.stderr.contains("c.yaml:2:13: boilerplate.comments"), "\(result.stderr)")
    #expect(result.stderr.contains("'field'"), "\(result.stderr)")
  }
}
