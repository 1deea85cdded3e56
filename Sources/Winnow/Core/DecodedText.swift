/// Text decoded from a document's bytes, with what the decoder learnt on the way.
public struct DecodedText: Sendable {
  /// The text. Bytes found to be valid UTF-8 are kept as they are and made into a string
  /// only when asked: the pipeline splits them into lines without making one (a string
  /// made from bytes validates them again).
  public var text: String {
    get {
      switch content {
      case .text(let text): text
      case .validUTF8(let bytes): String(decoding: bytes, as: UTF8.self)
      }
    }
    set { content = .text(newValue) }
  }
  /// The encoding's name as ICU spells it, e.g. `UTF-8`, `UTF-16LE`, `Shift_JIS`.
  public var encoding: String
  /// 0...1: 1 for a BOM or valid UTF-8, ICU's detector confidence otherwise.
  public var confidence: Double
  /// Bytes that were not valid in `encoding` and became U+FFFD.
  public var invalidBytes: Int

  private enum Content {
    case text(String)
    /// Bytes checked to be valid UTF-8 (`UTF8Scalars.isValid`).
    case validUTF8(ArraySlice<UInt8>)
  }

  private var content: Content

  public init(text: String, encoding: String, confidence: Double, invalidBytes: Int) {
    content = .text(text)
    self.encoding = encoding
    self.confidence = confidence
    self.invalidBytes = invalidBytes
  }

  /// Valid UTF-8 `bytes`, kept as they are.
  init(validUTF8 bytes: ArraySlice<UInt8>, confidence: Double) {
    content = .validUTF8(bytes)
    encoding = "UTF-8"
    self.confidence = confidence
    invalidBytes = 0
  }

  /// Calls `body` with the text's UTF-8 bytes.
  func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    switch content {
    case .text(var text): text.withUTF8(body)
    case .validUTF8(let bytes): bytes.withUnsafeBufferPointer(body)
    }
  }
}
