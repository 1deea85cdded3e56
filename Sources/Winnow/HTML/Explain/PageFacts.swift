import Foundation

/// The explained page's headline numbers, the record's own: encoding, language, lines and
/// characters kept, repairs.
struct PageFacts {
  let record: Record

  func render(_ html: inout HTMLWriter) {
    var encoding = record.encoding
    if record.encodingConfidence < 1 {
      encoding += String(format: " (%.0f%% sure)", record.encodingConfidence * 100)
    }
    let repairs = record.repairs.values.reduce(0, +)
    let repairDetail = RepairKind.allCases.compactMap { kind in
      record.repairs[kind].flatMap { $0 > 0 ? "\(kind.rawValue) \($0)" : nil }
    }
    let dropped = record.removals.count
    var facts: [FactList.Fact] = [
      .init(label: "Encoding", value: encoding, key: "encoding"),
      .init(label: "Language", value: record.language, key: "language"),
      .init(
        label: "Lines kept", value: "\(record.linesKept) of \(record.linesIn)", key: "lines"),
      .init(label: "Lines dropped", value: String(dropped), key: "dropped"),
      .init(
        label: "Characters kept",
        value:
          "\(record.charsOut) of \(record.charsIn) (\(Percent(record.charsOut, of: record.charsIn)))",
        key: "chars"),
      .init(
        label: "Repairs", value: String(repairs),
        detail: repairDetail.isEmpty ? nil : repairDetail.joined(separator: ", "),
        key: "repairs"),
    ]
    if record.invalidBytes > 0 {
      facts.append(
        .init(label: "Invalid bytes", value: String(record.invalidBytes), key: "invalid-bytes"))
    }
    FactList(facts: facts).render(&html)
  }
}
