/// Text decoded from a document's bytes, with what the decoder learnt on the way.
public struct DecodedText: Sendable {
  public var text: String
  /// The encoding's name as ICU spells it, e.g. `UTF-8`, `UTF-16LE`, `Shift_JIS`.
  public var encoding: String
  /// 0...1: 1 for a BOM or valid UTF-8, ICU's detector confidence otherwise.
  public var confidence: Double
  /// Bytes that were not valid in `encoding` and became U+FFFD.
  public var invalidBytes: Int

  public init(text: String, encoding: String, confidence: Double, invalidBytes: Int) {
    self.text = text
    self.encoding = encoding
    self.confidence = confidence
    self.invalidBytes = invalidBytes
  }
}
