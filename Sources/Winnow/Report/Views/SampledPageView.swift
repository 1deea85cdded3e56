/// One sampled record, explained as far as a record allows: its title, byline, date and
/// reader comments, each removed line with its kind and rule (struck through, as in
/// `winnow explain --html`; a line moved to the comments marked like the title), and
/// its kept text with the language margin. A record does not say where its kept lines stood
/// among the removed ones, so the two are listed apart.
struct SampledPageView {
  let page: SampledPage
  /// The element id the sample's index links to.
  let anchor: String
  /// Shown unfolded (the first page), so that the report opens on an example.
  var unfolded = false

  func render(_ html: inout HTMLWriter, palette: inout LanguagePalette) {
    html.element("details", ["class": "page", "id": anchor, "open": unfolded ? "" : nil]) {
      details in
      details.element("summary") { summary in
        summary.element("span", ["class": "id", "dir": "auto"], text: page.id)
        summary.element("span", ["class": "stat"], text: page.language)
        summary.element("span", ["class": "stat"], text: "\(page.encoding)")
        summary.element(
          "span", ["class": "stat"], text: "kept \(page.linesKept) of \(page.linesIn) lines")
        summary.element(
          "span", ["class": "stat"],
          text: "\(Percent(page.charsOut, of: page.charsIn)) of \(page.charsIn) characters")
      }
      details.element("div", ["class": "body"]) { body in
        let meta = MetaFields(
          title: page.title, byline: page.byline, date: page.date, comments: page.comments)
        if !meta.isEmpty { meta.render(&body) }
        let counts = Dictionary(
          uniqueKeysWithValues: page.removed.compactMap { kind, count in
            BoilerplateKind(rawValue: kind).map { ($0, count) }
          })
        body.element("h3", ["style": "margin-top:10px"], text: "Removed lines")
        KindLegend(counts: counts).render(&body)
        removedLines(&body, palette: &palette)
        body.element("h3", ["style": "margin-top:14px"], text: "Kept text")
        keptText(&body, palette: &palette)
        if page.truncated {
          body.element(
            "p", ["class": "note"], text: "This record is long: the report shows its beginning.")
        }
      }
    }
  }

  private func removedLines(_ html: inout HTMLWriter, palette: inout LanguagePalette) {
    guard page.hasRemovedLines else {
      html.element(
        "p", ["class": "note"],
        text: "No winnow.removed_lines in this record (made without --explain).")
      return
    }
    guard !page.removedLines.isEmpty else { return }
    html.element("table", ["class": "lines removed"]) { table in
      for removal in page.removedLines {
        // A line moved to `comments` is marked as in `winnow explain`: it left the text for
        // a field of the record.
        let fate = LineFate(
          verdict: removal.to == nil ? .drop : .meta, label: removal.to ?? removal.kind,
          kind: BoilerplateKind(rawValue: removal.kind), rule: RuleID(rawValue: removal.rule))
        LineRow(number: removal.line, text: removal.text, fate: fate, idPrefix: "\(anchor)-")
          .render(&table, palette: &palette)
      }
    }
  }

  private func keptText(_ html: inout HTMLWriter, palette: inout LanguagePalette) {
    let paragraphs = page.text.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    let pieces = SegmentPieces(paragraphs: paragraphs, segments: page.segments)
    var language: String?
    html.element("table", ["class": "lines kept"]) { table in
      for (text, paragraphPieces) in zip(paragraphs, pieces.paragraphs) {
        let paragraph = SegmentedParagraph(pieces: paragraphPieces)
        let change = paragraph.language.flatMap { $0 == language ? nil : $0 }
        if let change { language = change }
        var row = LineRow(
          number: nil, text: text, fate: LineFate(verdict: .keep, label: "text"),
          idPrefix: "\(anchor)-")
        row.paragraph = paragraph
        row.languageChange = change
        row.render(&table, palette: &palette)
      }
    }
  }
}
