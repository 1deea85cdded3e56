/// An input that could not become a record: written as one JSON line to `--errors` (or inline).
public struct InputFailure: Error, Sendable, Equatable {
  public enum Code: String, Codable, Sendable {
    case invalidJSON = "invalid-json"
    case missingText = "missing-text"
    case binary, unreadable, missing
    case tooLarge = "too-large"
    case symlinkLoop = "symlink-loop"
    case invalidWARC = "invalid-warc"
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
