/// A contiguous run of `text` in one language and script. Offsets count Unicode code points,
/// so Python's `text[start:end]` is the segment; `end` is exclusive.
public struct Segment: Hashable, Sendable {
  public var start: Int
  public var end: Int
  /// ISO 639-1 where one exists, else ISO 639-3; `und` when unknown.
  public var language: String
  /// ISO 15924, e.g. `Latn`, `Hans`, `Cyrl`.
  public var script: String
  public var confidence: Double

  public init(start: Int, end: Int, language: String, script: String, confidence: Double) {
    self.start = start
    self.end = end
    self.language = language
    self.script = script
    self.confidence = confidence
  }
}
