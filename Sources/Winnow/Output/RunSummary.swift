/// The totals of a run: what was read, written, dropped (by reason) and failed (by error
/// code), and bytes in and out. Workers or writers each keep one and `+` adds them up, as
/// ripgrep's `Stats`; the exit status is derived from it at the end, not from a global flag.
///
/// Every document ends as exactly one of written, dropped or failed. `read` is counted on
/// its own, by the reader as it hands documents on, so that `read == accounted` (written +
/// dropped + failed) checks that none was lost on the way; only a run stopped early by a
/// closed output leaves documents read but never accounted for.
public struct RunSummary: Sendable, Equatable {
  /// Documents read, and inputs that failed before any document could be read.
  public var read = 0
  public var written = 0
  public var droppedByReason: [DropReason: Int] = [:]
  public var failedByCode: [InputFailure.Code: Int] = [:]
  /// Input bytes of the documents (as read, before cleaning).
  public var bytesIn = 0
  /// UTF-8 bytes of the clean text written.
  public var bytesOut = 0
  /// Inputs not read again because their output was complete (`--output-dir` reruns).
  public var skipped = 0
  /// The output was closed by its reader (`winnow clean | head`): a quiet end, not an error.
  public var outputClosed = false
  /// Why writing the output failed (disk full, ...), if it did.
  public var outputError: String?
  /// Why writing error records to their destination (`--errors FILE`) failed, if it did: the
  /// run goes on (the counts still say what failed) but must not end as a success.
  public var errorsError: String?

  public init() {}

  public var dropped: Int { droppedByReason.values.reduce(0, +) }
  public var failed: Int { failedByCode.values.reduce(0, +) }
  /// Documents with an outcome: written, dropped or failed.
  public var accounted: Int { written + dropped + failed }

  public mutating func countWritten(bytesIn: Int, bytesOut: Int) {
    written += 1
    self.bytesIn += bytesIn
    self.bytesOut += bytesOut
  }

  public mutating func countDropped(_ reason: DropReason, bytesIn: Int) {
    droppedByReason[reason, default: 0] += 1
    self.bytesIn += bytesIn
  }

  public mutating func countFailed(_ failure: InputFailure, bytesIn: Int = 0) {
    failedByCode[failure.code, default: 0] += 1
    self.bytesIn += bytesIn
  }

  public static func + (left: RunSummary, right: RunSummary) -> RunSummary {
    var sum = left
    sum += right
    return sum
  }

  public static func += (left: inout RunSummary, right: RunSummary) {
    left.read += right.read
    left.written += right.written
    left.droppedByReason.merge(right.droppedByReason, uniquingKeysWith: +)
    left.failedByCode.merge(right.failedByCode, uniquingKeysWith: +)
    left.bytesIn += right.bytesIn
    left.bytesOut += right.bytesOut
    left.skipped += right.skipped
    left.outputClosed = left.outputClosed || right.outputClosed
    left.outputError = left.outputError ?? right.outputError
    left.errorsError = left.errorsError ?? right.errorsError
  }

  /// The summary for stderr: drop reasons, failures and bytes on the lines above the last,
  /// which always reads `winnow: read N, written N, dropped N, failed N`.
  public var textLines: [String] {
    var lines: [String] = []
    if !droppedByReason.isEmpty {
      lines.append("winnow: dropped " + Self.counts(droppedByReason))
    }
    if !failedByCode.isEmpty {
      lines.append("winnow: failed " + Self.counts(failedByCode))
    }
    if skipped > 0 { lines.append("winnow: skipped \(skipped) inputs already done") }
    lines.append("winnow: bytes in \(bytesIn), out \(bytesOut)")
    lines.append("winnow: read \(read), written \(written), dropped \(dropped), failed \(failed)")
    return lines
  }

  /// The same totals as one JSON object (with `\n`), for `--summary-json`.
  public var jsonLine: [UInt8] {
    var json = JSONBytes()
    json.raw("{\"read\":")
    json.integer(read)
    json.raw(",\"written\":")
    json.integer(written)
    json.raw(",\"dropped\":")
    json.integer(dropped)
    json.raw(",\"failed\":")
    json.integer(failed)
    json.raw(",\"dropped_by_reason\":")
    Self.object(droppedByReason, into: &json)
    json.raw(",\"failed_by_error\":")
    Self.object(failedByCode, into: &json)
    json.raw(",\"skipped\":")
    json.integer(skipped)
    json.raw(",\"bytes_in\":")
    json.integer(bytesIn)
    json.raw(",\"bytes_out\":")
    json.integer(bytesOut)
    json.raw("}\n")
    return json.bytes
  }

  /// "empty 3, rule 1", sorted by name so that runs compare line by line.
  private static func counts<Key: RawRepresentable<String>>(_ counts: [Key: Int]) -> String {
    counts.sorted { $0.key.rawValue < $1.key.rawValue }
      .map { "\($0.key.rawValue) \($0.value)" }
      .joined(separator: ", ")
  }

  private static func object<Key: RawRepresentable<String>>(
    _ counts: [Key: Int], into json: inout JSONBytes
  ) {
    json.byte(UInt8(ascii: "{"))
    for (index, entry) in counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }).enumerated() {
      if index > 0 { json.byte(UInt8(ascii: ",")) }
      json.string(entry.key.rawValue)
      json.byte(UInt8(ascii: ":"))
      json.integer(entry.value)
    }
    json.byte(UInt8(ascii: "}"))
  }
}
