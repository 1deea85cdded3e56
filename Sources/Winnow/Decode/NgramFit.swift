/// How well a decoding reads as some language, by the language model's character n-grams:
/// the tie-breaker between decodings that `DecodingPlausibility` finds equally clean, such
/// as Lithuanian `nustatė` (windows-1257) and `nustatë` (the same byte in ISO-8859-1), or
/// Turkish `değil` and `deðil`. Only decodings in a script the model has several languages
/// for (Latin, Cyrillic, Arabic, ...) get a fit. The model is handed in by whoever builds
/// the decoder (the pipeline hands it the bundled one) and loaded on the first tie: runs
/// whose documents are all UTF-8 never load it.
struct NgramFit: Sendable {
  private let loaded: LoadedOnce<NgramLanguageModel>
  var model: NgramLanguageModel { loaded.value }

  init(model: @autoclosure @escaping @Sendable () -> NgramLanguageModel) {
    loaded = LoadedOnce(model)
  }

  /// Scalars of the sample scored, at most: the decodings being compared differ in the same
  /// places, so a short stretch with non-ASCII letters in it says which reads better.
  static let scalarLimit = 600

  /// The mean log-probability per letter of the best language of the text's main script,
  /// over its first `scalarLimit` scalars; nil when that script has no n-gram model.
  func meanLogProbability(_ text: String) -> Double? {
    let sample = Self.head(text)
    guard let script = ModelScriptTable.dominantScript(of: sample) else { return nil }
    let candidates = model.candidateSet(forScript: script)
    return model.rank(sample, candidates: candidates).first?.score
  }

  /// A letter at least this frequent (natural log) in a language is one of its alphabet's
  /// own: `š` and `đ` in Bosnian count alike, and their words decide.
  static let commonLetter = -7.0
  /// What a letter a language's model has never seen counts for: below every letter it has
  /// seen, however rare (the model itself scores unseen letters above rare ones, a
  /// language-identification habit that would let Basque `à` lose to `ą`).
  static let unusedLetter = -17.0
  /// How much more (natural log, summed over the differing letters) the rival's letters
  /// must be used to win on letters alone.
  static let letterLead = 0.5

  /// Letters of shared context that tell a language, at least; and at least as many as the
  /// differing words have, so that the context, not the words being judged, names it (in
  /// `Kāpēc šī grīda vēl joprojām ir balta?` read as ISO-8859-9 only `ir balta` is shared).
  static let contextLetters = 12

  /// Whether the second side of `words` reads better: in the language of their shared
  /// context, by how much that language uses each differing letter (`è` is Italian; `č`
  /// and `Ë` are not, whichever language each alone would fit best), then, when the letters
  /// are used alike, by the fit of the differing words in that language; each side's words
  /// in their own best language when the context is too short to name a language
  /// (`contextLetters`) or has no letters of their script.
  func prefersSecond(_ words: DifferingWords, lead: Double) -> Bool {
    guard let script = ModelScriptTable.dominantScript(of: Self.head(words.first)) else {
      return false
    }
    let context = Self.head(words.context)
    let judged = Self.letterCount(Self.head(words.first))
    guard Self.letterCount(context) >= max(Self.contextLetters, judged),
      ModelScriptTable.dominantScript(of: context) == script,
      let language = model.best(context, candidates: model.candidateSet(forScript: script))
    else {
      guard let firstFit = meanLogProbability(words.first),
        let secondFit = meanLogProbability(words.second)
      else { return false }
      return secondFit > firstFit + lead
    }
    let only = model.candidateSet([language])
    let firstUse = letterUse(words.firstLetters, in: only)
    let secondUse = letterUse(words.secondLetters, in: only)
    if abs(secondUse - firstUse) > Self.letterLead { return secondUse > firstUse }
    guard let firstFit = model.rank(Self.head(words.first), candidates: only).first?.score,
      let secondFit = model.rank(Self.head(words.second), candidates: only).first?.score
    else { return false }
    return secondFit > firstFit + lead
  }

  /// The sum over `letters` of each one's log-probability alone in `language`, at most
  /// `commonLetter`, and `unusedLetter` for one it has never seen.
  private func letterUse(_ letters: String, in language: CandidateSet) -> Double {
    var sum = 0.0
    var known: [Unicode.Scalar: Double] = [:]
    for letter in letters.unicodeScalars where letter != " " {
      if let use = known[letter] {
        sum += use
        continue
      }
      let alone = Substring(String(letter).lowercased())
      let score = model.rank(alone, candidates: language).first?.score ?? model.unseenPenalty
      let use = score == model.unseenPenalty ? Self.unusedLetter : min(score, Self.commonLetter)
      known[letter] = use
      sum += use
    }
    return sum
  }

  private static func letterCount(_ text: Substring) -> Int {
    text.unicodeScalars.lazy.filter { ScalarTraits.of($0).contains(.alphabetic) }.count
  }

  private static func head(_ text: String) -> Substring {
    let scalars = text.unicodeScalars
    let end = scalars.index(scalars.startIndex, offsetBy: scalarLimit, limitedBy: scalars.endIndex)
    return Substring(scalars[..<(end ?? scalars.endIndex)])
  }
}
