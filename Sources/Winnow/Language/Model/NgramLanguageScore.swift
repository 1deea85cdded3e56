/// One candidate language and how well the text fits it.
public struct NgramLanguageScore: Equatable, Sendable {
  /// ISO 639-1 code, e.g. `"de"`.
  public var language: String
  /// Mean log-probability per letter; higher is better, only differences between the
  /// candidates of one text mean something.
  public var score: Double

  public init(language: String, score: Double) {
    self.language = language
    self.score = score
  }
}
