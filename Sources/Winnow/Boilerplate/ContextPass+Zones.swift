/// Zones opened by headers such as "Related Links" or "Kommentare".
extension ContextPass {
  /// A zone header drops what follows it, up to the next block of content: two lines of
  /// running text in a row. A comment zone runs to the end of the page, since comments are
  /// running text themselves. Lines with a boilerplate kind of their own keep it.
  mutating func applyZones(from bodyStart: Int) {
    var zone: BoilerplateKind? = nil
    for index in lines.indices where present[index] {
      if let opened = zoneOpeners[index], index >= bodyStart {
        // "Comments:" over "1664" is a counter's label in a stats block, not a section.
        let labelsCounter = nextLine(after: index).map {
          verdicts[$0]?.role == .dropped(.counter)
        }
        if labelsCounter != true { zone = opened }
        continue
      }
      guard let kind = zone else { continue }
      if kind != .commentWidget, classes[index] == .good, isWeak(verdicts[index]),
        let next = nextLine(after: index),
        classes[next] == .good, isWeak(verdicts[next])
      {
        zone = nil
        continue
      }
      if isWeak(verdicts[index]) {
        verdicts[index] = Verdict(role: .dropped(kind), rule: Self.zoneRule)
      }
    }
  }

  /// A verdict that position and neighbours may overrule: none, kept text, meta, or a drop
  /// by the content score alone.
  func isWeak(_ verdict: Verdict?) -> Bool {
    guard let verdict else { return true }
    switch verdict.role {
    case .content, .heading, .byline, .date: return true
    case .title: return false
    case .dropped: return verdict.rule == Self.scoreRule
    }
  }
}
