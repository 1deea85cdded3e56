/// The corpus in a few numbers: documents, records, drops, failures, lines removed and the
/// share of characters kept.
struct ReportFacts {
  let tally: CorpusTally

  func render(_ html: inout HTMLWriter) {
    func detail(_ counter: BoundedCounter) -> String? {
      let parts = counter.ranked.map { "\($0.name) \($0.count)" }
      return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
    var facts: [FactList.Fact] = [
      .init(label: "Documents", value: String(tally.documents), key: "documents"),
      .init(label: "Records", value: String(tally.records), key: "records"),
      .init(
        label: "Dropped", value: String(tally.dropped.total), detail: detail(tally.dropped),
        key: "dropped"),
      .init(
        label: "Failed", value: String(tally.failed.total), detail: detail(tally.failed),
        key: "failed"),
      .init(
        label: "Lines removed", value: String(tally.removedByKind.total), key: "removed"),
      .init(
        label: "Characters kept",
        value: "\(Percent(tally.totalCharsOut, of: tally.totalCharsIn))",
        detail: "\(tally.totalCharsOut) of \(tally.totalCharsIn) characters in records",
        key: "chars"),
    ]
    if tally.unrecognized > 0 {
      facts.append(
        .init(
          label: "Other lines", value: String(tally.unrecognized),
          detail: "lines that are not records, drops or errors of winnow clean",
          key: "unrecognized"))
    }
    FactList(facts: facts).render(&html)
  }
}
