/// A timestamp under a teaser belongs to the teaser: a date line right after a line dropped
/// as related links is dropped with it (seed 000 lines 27-33).
struct TeaserTimeRule: ContextRule {
  static let id: RuleID = "context.teaser-time"
  static let evidence = ContextEvidence.position

  func apply(to pass: inout ContextPass) {
    for index in pass.lines.indices where pass.verdicts[index]?.role == .date {
      guard let previous = pass.previousLine(before: index),
        pass.verdicts[previous]?.role == .dropped(.relatedLinks)
      else { continue }
      pass.verdicts[index] = Verdict(role: .dropped(.relatedLinks), rule: Self.id)
    }
  }
}
