/// `winnow report`: a corpus view of a run made with `winnow clean --explain`, as one
/// self-contained HTML file. Totals first; then removals by kind and by rule, documents by
/// language, drops and failures, and the size of documents before and after, as charts; then
/// a sample of pages, each with its removed lines and its kept text.
public struct ReportView {
  private let tally: CorpusTally
  private let inputName: String

  public init(tally: CorpusTally, inputName: String) {
    self.tally = tally
    self.inputName = inputName
  }

  public func render() -> String {
    HTMLDocument(title: "winnow report: \(inputName)").render { body in
      body.element("main") { main in
        main.element("h1", text: "winnow report")
        main.element("p", ["class": "subtitle", "dir": "auto"], text: inputName)
        main.element("section", ["class": "panel"]) { ReportFacts(tally: tally).render(&$0) }
        var palette = LanguagePalette(tally.documentsByLanguage.ranked.map(\.name))
        ReportCharts(tally: tally).render(&main, palette: &palette)
        SampleSection(tally: tally).render(&main, palette: &palette)
      }
    }
  }
}
