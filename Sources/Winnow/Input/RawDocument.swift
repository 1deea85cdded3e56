/// One input document before cleaning: a file's bytes, or a JSONL object whose text field is
/// already a string.
public struct RawDocument: Sendable {
  public enum Content: Sendable {
    /// Bytes in an unknown encoding, for the decode stage.
    case bytes([UInt8])
    /// Text that is already Unicode (a JSONL text field); decoding is skipped.
    case text(String)
  }

  /// The record's `id`: a path relative to the input root, or the JSONL object's own id.
  public var id: String
  /// The input the document came from, as errors and records name it.
  public var source: String
  /// 1-based line of a JSONL or WET input, for error records.
  public var line: Int?
  public var content: Content
  /// Every member of a JSONL input object, exactly as written, to be passed through.
  public var fields: RawJSONObject?

  public init(
    id: String, source: String, line: Int? = nil, content: Content, fields: RawJSONObject? = nil
  ) {
    self.id = id
    self.source = source
    self.line = line
    self.content = content
    self.fields = fields
  }
}
