/// How well a decoding reads as some language, by the language model's character n-grams:
/// the tie-breaker between decodings that `DecodingPlausibility` finds equally clean, such
/// as Lithuanian `nustatė` (windows-1257) and `nustatë` (the same byte in ISO-8859-1), or
/// Turkish `değil` and `deðil`. Only decodings in a script the model has several languages
/// for (Latin, Cyrillic, Arabic, ...) get a fit. The model is handed in by whoever builds
/// the decoder (the pipeline hands it the bundled one).
struct NgramFit: Sendable {
  let model: NgramLanguageModel

  /// Scalars of the sample scored, at most: the decodings being compared differ in the same
  /// places, so a short stretch with non-ASCII letters in it says which reads better.
  static let scalarLimit = 600

  /// The mean log-probability per letter of the best language of the text's main script,
  /// over its first `scalarLimit` scalars; nil when that script has no n-gram model.
  func meanLogProbability(_ text: String) -> Double? {
    let scalars = text.unicodeScalars
    let end = scalars.index(
      scalars.startIndex, offsetBy: Self.scalarLimit, limitedBy: scalars.endIndex)
    let sample = Substring(scalars[..<(end ?? scalars.endIndex)])
    guard let script = ModelScriptTable.dominantScript(of: sample) else { return nil }
    let candidates = model.candidateSet(forScript: script)
    return model.rank(sample, candidates: candidates).first?.score
  }
}
