/// One input to read, as the walker found it, in the order records must come out.
///
/// `InputWalker` yields these; `DocumentReader` turns a `.file` or `.stdin` into documents.
public enum InputItem: Sendable, Equatable {
  case file(InputFile)
  case stdin
  /// The input could not be opened or walked (`missing`, `unreadable`, `symlink-loop`); the
  /// failure names it and the run goes on.
  case failure(InputFailure)

  /// The `source` of documents read from stdin.
  public static let stdinSource = "-"
}

/// A file to read, with the names records and errors give it.
public struct InputFile: Sendable, Hashable {
  /// The path to open, byte for byte: file names need not be UTF-8.
  public var pathBytes: [UInt8]
  /// The path for messages: `pathBytes` with bytes that are not UTF-8 percent-escaped (`%E9`).
  public var path: String
  /// The record `id` and `source`: the path relative to the input root, prefixed by the input
  /// as given when there are several inputs; for a file named as an input, the name as given.
  /// `--output-dir` mirrors the tree by this id.
  public var id: String
  /// The size the walk saw (`stat`), for progress estimates; nil for FIFOs and devices.
  public var size: Int?

  public init(pathBytes: [UInt8], id: String, size: Int? = nil) {
    self.pathBytes = pathBytes
    self.path = PercentEscaping.escapingInvalidUTF8(pathBytes)
    self.id = id
    self.size = size
  }
}
