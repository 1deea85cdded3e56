/// What became of one input document: a record, a counted drop, or an error record. Every
/// document ends as exactly one of these, so a run's counts add up.
public enum Outcome: Sendable {
  case record(Record)
  case dropped(DropReason, id: String, source: String)
  case failed(InputFailure)
}
