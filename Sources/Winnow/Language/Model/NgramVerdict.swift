/// The model's best language for a text and how far ahead of the rest it is.
struct NgramVerdict: Equatable, Sendable {
  /// ISO 639-1 code.
  var language: String
  /// Mean log-probability per letter of the best language (weighted as in scoring): real text in a language the model
  /// knows scores around -2, a made-up word or a foreign script below -3.5.
  var meanLogProbability: Double
  /// The second best language, when it is still in the beam.
  var runnerUp: String?
  /// Log-likelihood (natural log) by which the best language beats the runner-up over the
  /// scored letters; `NgramLanguageModel.beamWidth` when every rival left the beam.
  var lead: Double
  /// The same over the fourth best: large when the runner-up and the third are close
  /// siblings (Bokmål, Nynorsk and Danish; Bosnian, Croatian and Serbian) and every other
  /// language is far behind.
  var leadOverFourth: Double
  /// Letters scored.
  var letters: Int
  /// The best candidates, best first (the best language among them): the only rivals worth
  /// scoring again for more text that probably is in the same language.
  var leaders: CandidateSet
}
