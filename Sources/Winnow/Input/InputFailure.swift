/// An input that could not become a record: written as one JSON line to `--errors` (or inline).
public struct InputFailure: Error, Sendable, Equatable {
  public enum Code: String, Codable, Sendable {
    case invalidJSON = "invalid-json"
    case missingText = "missing-text"
    case binary, unreadable, missing
    case tooLarge = "too-large"
    case symlinkLoop = "symlink-loop"
    case invalidWARC = "invalid-warc"
    case invalidGzip = "invalid-gzip"
    /// With `--output-dir`, an input whose output name an earlier input of the run took.
    case outputCollision = "output-collision"

    /// Codes that end the reading of their input: what was read before still counts, but
    /// the input's output is incomplete.
    public var endsInput: Bool { self == .unreadable || self == .invalidGzip }
  }

  public var source: String
  /// 1-based line of a JSONL or WET input.
  public var line: Int?
  /// The input document's id, where it has one (written with `--errors inline`).
  public var id: String?
  public var code: Code
  public var message: String

  public init(source: String, line: Int? = nil, id: String? = nil, code: Code, message: String) {
    self.source = source
    self.line = line
    self.id = id
    self.code = code
    self.message = message
  }
}
