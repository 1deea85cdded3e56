/// Zones opened by headers such as "Related Links" or "Kommentare" below the start of the
/// body: a zone header drops what follows it, up to the next block of content, two lines of
/// running text in a row. A comment zone runs to the end of the page, since comments are
/// running text themselves. Lines with a boilerplate kind of their own keep it.
struct ZoneRule: ContextRule {
  static let id: RuleID = "context.zone"
  static let evidence = ContextEvidence.zone

  func apply(to pass: inout ContextPass, bodyStart: Int) {
    let lines = pass.lines
    let classes = pass.classes
    var zone: BoilerplateKind? = nil
    for index in lines.indices where pass.present[index] {
      if let opened = pass.zoneOpeners[index], index >= bodyStart {
        // "Comments:" over "1664" is a counter's label in a stats block, not a section.
        let labelsCounter = pass.nextLine(after: index).map {
          pass.verdicts[$0]?.role == .dropped(.counter)
        }
        if labelsCounter != true { zone = opened }
        continue
      }
      guard let kind = zone else { continue }
      if kind != .commentWidget, classes[index] == .good, pass.isWeak(pass.verdicts[index]),
        let next = pass.nextLine(after: index),
        classes[next] == .good, pass.isWeak(pass.verdicts[next])
      {
        zone = nil
        continue
      }
      if pass.isWeak(pass.verdicts[index]) {
        pass.verdicts[index] = Verdict(role: .dropped(kind), rule: Self.id)
      }
    }
  }
}
