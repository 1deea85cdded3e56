import Testing

@testable import Winnow

@Suite struct ExplainViewTests {
  /// A page whose lines carry every fate, and markup that must stay text.
  private func explained() -> String {
    let text =
      "Home | News\n\nA <b>title</b>\nBody with </td></tr> and <script>alert(1)</script>\n"
      + "273 0 0\nSecond paragraph."
    var page = Page(
      source: "page.txt",
      decoded: DecodedText(text: text, encoding: "windows-1252", confidence: 0.8, invalidBytes: 0))
    page.lines[0].verdict = Verdict(role: .dropped(.navigation), rule: "builtin.nav")
    page.lines[2].verdict = Verdict(role: .title, rule: "context.title")
    page.lines[3].verdict = Verdict(role: .content, rule: "builtin.content-score", score: 0.7)
    page.lines[3].original = "Body with &lt;/td&gt;"
    page.lines[4].verdict = Verdict(role: .dropped(.counter), rule: "builtin.counter")
    page.title = "A <b>title</b>"
    page.segments = [Segment(start: 0, end: 84, language: "en", script: "Latn", confidence: 1)]
    var report = CleaningReport()
    for index in [0, 4] {
      let line = page.lines[index]
      guard case .dropped(let kind) = line.verdict!.role else { continue }
      report.removals.append(
        Removal(
          line: line.number, stage: .boilerplate, rule: line.verdict!.rule, kind: kind,
          text: line.text))
    }
    return ExplainView(page: page, report: report, id: "page.txt").render()
  }

  @Test func everyLineButBlanksIsARowWithItsFate() {
    let html = explained()
    #expect(html.components(separatedBy: "<tr ").count - 1 == 5)
    #expect(html.contains("<tr id=\"L1\" class=\"drop k-navigation\" data-verdict=\"drop\""))
    #expect(html.contains("<tr id=\"L5\" class=\"drop k-counter\" data-verdict=\"drop\""))
    #expect(html.contains("<tr id=\"L3\" class=\"meta\" data-verdict=\"meta\""))
    #expect(!html.contains("id=\"L2\""), "the blank line has no row")
    #expect(html.contains("<span class=\"score\"> 0.70</span>"))
    #expect(html.contains("1 blank lines are not shown."))
  }

  @Test func markupInThePageStaysText() {
    let html = explained()
    #expect(!html.contains("<script"))
    #expect(!html.contains("<b>"))
    #expect(
      html.contains("Body with &lt;/td&gt;&lt;/tr&gt; and &lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("<del>Body with &amp;lt;/td&amp;gt;</del>"))
    #expect(
      html.components(separatedBy: "<td").count == html.components(separatedBy: "</td>").count)
  }

  @Test func legendCountsAreTheRemovalsByKind() {
    let html = explained()
    #expect(html.contains("data-kind=\"navigation\" data-count=\"1\""))
    #expect(html.contains("data-kind=\"counter\" data-count=\"1\""))
    #expect(html.contains("<dd>windows-1252 (80% sure)</dd>"))
    #expect(html.contains("<dd>2 of 6</dd>"), "lines kept")
  }

  /// The lines moved to `comments` are marked like the title, and the comments are listed.
  @Test func readerCommentsAreListedAndTheirLinesMarked() throws {
    let (page, report) = try DefaultBoilerplate.run(
      try Fixtures.text("comments/news-de.txt"), source: "news-de.txt")
    let html = ExplainView(page: page, report: report, id: "news-de.txt").render()
    #expect(html.contains("<dt>comments (2)</dt>"))
    #expect(html.components(separatedBy: "<li dir=\"auto\">").count - 1 == 2)
    #expect(html.contains("<li dir=\"auto\">Endlich! Ich fahre jeden Tag mit dem Rad"))
    #expect(html.contains("<tr id=\"L11\" class=\"meta\" data-verdict=\"meta\""))
    #expect(html.contains("the page&#39;s comments, moved out of the text by rule context.zone"))
  }

  @Test func theFileFetchesNothing() {
    let html = explained()
    #expect(html.contains("Content-Security-Policy"))
    #expect(!html.contains("src="))
    #expect(!html.contains("<link"))
    #expect(!html.contains("url("))
  }
}
