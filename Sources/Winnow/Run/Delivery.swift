/// What the writer receives for one step of a run, in input order: a document's outcome
/// already encoded by a worker, or the start or end of an input file.
struct Delivery: Sendable {
  enum Event: Sendable {
    /// An input file begins: with `--output-dir`, its temp output is opened.
    case inputStarted(id: String)
    /// An input file ended: read to its end (`complete`), its output is renamed into place;
    /// cut short by a read error, its output is discarded so that the next run redoes it.
    case inputFinished(id: String, complete: Bool)
    case written(bytesOut: Int)
    case dropped(DropReason)
    case failed(InputFailure)
  }

  var event: Event
  /// Bytes for the output stream: a record, or an error record routed inline.
  var line: [UInt8]
  /// Bytes for the errors destination: an error record not routed inline.
  var errorLine: [UInt8] = []
  /// Input bytes of the document, for progress and the summary.
  var bytesIn: Int = 0

  /// The start or end of an input file.
  static func boundary(_ event: Event) -> Delivery { Delivery(event: event, line: []) }

  static func failure(_ failure: InputFailure, inline: Bool, bytesIn: Int = 0) -> Delivery {
    var failure = failure
    // A whole input that failed (missing, unreadable) has no document id; inline, where it
    // stands among records, it carries the input's id, which for a file is its source.
    if inline && failure.id == nil { failure.id = failure.source }
    let encoded = ErrorRecordEncoder.encode(failure, inline: inline)
    return Delivery(
      event: .failed(failure), line: inline ? encoded : [], errorLine: inline ? [] : encoded,
      bytesIn: bytesIn)
  }
}
