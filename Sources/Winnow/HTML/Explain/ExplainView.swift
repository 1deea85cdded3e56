import Foundation

/// `winnow explain --html`: one page as Winnow saw it, as a self-contained HTML file. Every
/// line is there: kept lines as text, dropped lines struck through in their kind's colour,
/// title, byline, date and the lines of reader comments marked; a side column gives each
/// line's rule, a margin its language, and repaired lines show their text before repair.
/// Above them: the encoding, the totals, the record's `title`, `byline`, `date` and
/// `comments`, and a legend whose counts are the record's `winnow.removed`.
public struct ExplainView {
  private let page: Page
  private let report: CleaningReport
  /// What `winnow clean` would write for the page; the view's numbers are the record's.
  private let record: Record

  /// `id` names the page as a record would (the file name given to `winnow explain`).
  public init(page: Page, report: CleaningReport, id: String) {
    self.page = page
    self.report = report
    record = Record(
      document: RawDocument(id: id, source: page.source, content: .bytes([])), page: page,
      report: report)
  }

  public func render() -> String {
    HTMLDocument(title: "winnow explain: \(record.id)").render { body in
      body.element("main") { main in
        main.element("h1", text: "winnow explain")
        main.element("p", ["class": "subtitle", "dir": "auto"], text: record.id)
        if let banner { main.element("p", ["class": "banner"], text: banner) }
        main.element("section", ["class": "panel"]) { panel in
          PageFacts(record: record).render(&panel)
          let meta = MetaFields(
            title: page.title, byline: page.byline, date: page.date, comments: page.comments)
          if !meta.isEmpty { meta.render(&panel) }
        }
        var palette = LanguagePalette()
        let pieces = SegmentPieces(
          paragraphs: page.keptLines.map(\.text), segments: page.segments)
        main.element("section", ["class": "panel columns"]) { panel in
          panel.element("div", ["class": "wide"]) { column in
            column.element("h2", text: "Removed lines by kind")
            KindLegend(counts: report.removedByKind).render(&column)
          }
          let languages = LanguageLegend(pieces.paragraphs.flatMap { $0 })
          if !languages.sizes.isEmpty {
            panel.element("div") { column in
              column.element("h2", text: "Languages of the text")
              languages.render(&column, palette: &palette)
            }
          }
          panel.element(
            "p", ["class": "note"],
            text: "Dropped lines are struck through in their kind's colour; the title, byline "
              + "and date are marked in yellow; the bar beside each kept line is its language. "
              + "Hover a line for its rule.")
        }
        main.element("section", ["class": "panel"]) { panel in
          panel.element("label", ["class": "toggle"]) { label in
            label.empty("input", ["type": "checkbox", "id": "hide-dropped"])
            label.text("Hide dropped lines")
          }
          renderLines(&panel, pieces: pieces, palette: &palette)
          let blanks = page.lines.filter { LineFate($0).verdict == .blank }.count
          if blanks > 0 {
            panel.element("p", ["class": "note"], text: "\(blanks) blank lines are not shown.")
          }
        }
      }
    }
  }

  private func renderLines(
    _ html: inout HTMLWriter, pieces: SegmentPieces, palette: inout LanguagePalette
  ) {
    // Kept lines are the paragraphs of the text, in order: the n-th kept line has the n-th
    // paragraph's segments.
    var paragraphs = pieces.paragraphs.makeIterator()
    var language: String?
    html.element("table", ["class": "lines", "id": "lines"]) { table in
      for line in page.lines {
        let isKept = line.verdict?.role.isKept ?? !line.isBlank
        guard isKept || LineFate(line).verdict != .blank else { continue }
        let paragraph = isKept ? paragraphs.next().map(SegmentedParagraph.init) : nil
        let change = paragraph?.language.flatMap { $0 == language ? nil : $0 }
        if let change { language = change }
        LineRow(line, paragraph: paragraph, languageChange: change)
          .render(&table, palette: &palette)
      }
    }
  }

  /// Why the page as a whole would not become a record, if so.
  private var banner: String? {
    if let rule = report.documentDropRule {
      return "winnow clean drops this document: rule \(rule.rawValue) (action drop-document)."
    }
    if record.text.isEmpty {
      return "Nothing is left: winnow clean drops this document (reason empty)."
    }
    return nil
  }
}
