/// The documents of one opened input, in order: one for a text file, one per line of JSONL.
public protocol DocumentStream {
  /// The next document or the failure of one (a bad JSONL line), nil at the end.
  mutating func next() -> Result<RawDocument, InputFailure>?
}

/// Where a run's records go.
public enum RunOutput: Sendable {
  /// One stream for everything (stdout or `-o FILE`).
  case stream(any ByteSink & Sendable)
  /// One file per input under a directory (`--output-dir`).
  case directory(OutputDirectory)

  var directory: OutputDirectory? {
    if case .directory(let directory) = self { return directory }
    return nil
  }
}
