/// The sampled pages: an index table linking to each page, then the pages themselves.
struct SampleSection {
  let tally: CorpusTally

  func render(_ html: inout HTMLWriter, palette: inout LanguagePalette) {
    let pages = tally.sample.inOrder
    html.element("section", ["id": "sample"]) { section in
      section.element("h2", text: "Sample of \(pages.count) of \(tally.records) records")
      section.element(
        "p", ["class": "note"],
        text: "A uniform sample (reservoir sampling with a fixed seed: the same input gives the "
          + "same sample), in input order. Open a page to see its removed lines and kept text.")
      guard !pages.isEmpty else { return }
      section.element("div", ["class": "panel"]) { panel in
        index(&panel, pages)
      }
      for (number, page) in pages.enumerated() {
        SampledPageView(page: page, anchor: "page-\(number + 1)", unfolded: number == 0).render(
          &section, palette: &palette)
      }
    }
  }

  private func index(_ html: inout HTMLWriter, _ pages: [SampledPage]) {
    html.element("table", ["class": "sample", "id": "sample-index"]) { table in
      table.element("tr") { row in
        for heading in ["#", "id", "language", "lines kept", "lines removed", "characters kept"] {
          row.element("th", text: heading)
        }
      }
      for (number, page) in pages.enumerated() {
        table.element("tr") { row in
          row.element("td", ["class": "num"], text: String(number + 1))
          row.element("td", ["dir": "auto"]) { cell in
            cell.element("a", ["href": "#page-\(number + 1)"], text: page.id)
          }
          row.element("td", text: page.language)
          row.element("td", ["class": "num"], text: "\(page.linesKept) of \(page.linesIn)")
          row.element("td", ["class": "num"], text: String(page.removed.values.reduce(0, +)))
          row.element(
            "td", ["class": "num"], text: Percent(page.charsOut, of: page.charsIn).description)
        }
      }
    }
  }
}
