/// Chooses the charset of bytes that are not UTF-8: ICU's candidates (ucsdet_detectAll)
/// plus the single-byte charsets of every script (ICU detects some of them, and on short
/// text often leaves out the right one), each decoding of a sample scored by
/// `DecodingPlausibility`. ICU's order breaks ties, so a candidate must look clearly better
/// to overturn its best guess.
enum EncodingRanker {
  /// Bytes of the sample each candidate decodes: enough to judge, cheap to convert.
  static let sampleLength = 4096
  /// How much lower (penalty per scalar) a later candidate must score to win.
  static let margin = 0.002

  /// Supersets ICU's detector reports under the name of the smaller charset.
  static let supersets: [String: String] = [
    "KOI8-R": "KOI8-U", "EUC-KR": "windows-949", "Big5": "Big5-HKSCS",
  ]
  /// Charsets tried whatever ICU guessed, one or two single-byte ones per script and region:
  /// ICU does not detect ISO-8859-13, ISO-8859-15, ISO-8859-16, windows-1257, KOI8-U,
  /// windows-874, macintosh, cp437, the DOS and Mac Cyrillic code pages or Johab, and on a
  /// line or two of text its list often lacks the right one of those it does detect. Where
  /// two decode a sample alike, the earlier wins (ISO-8859-2 before ISO-8859-16: Romanian
  /// pages used it with ş and ţ; windows-1251 before x-mac-cyrillic, which differs from it
  /// in capitals only; Hebrew and Arabic before the Mac and DOS Cyrillic pages, which read
  /// their letters as clean lower-case Cyrillic).
  static let charsetsAlwaysTried = [
    "windows-1252", "ISO-8859-15", "windows-1250", "ISO-8859-2", "ISO-8859-16",
    "windows-1257", "ISO-8859-13", "windows-1251", "KOI8-R", "KOI8-U", "ISO-8859-5",
    "windows-1253", "ISO-8859-7", "windows-1254", "windows-1255", "windows-1256",
    "windows-874", "macintosh", "cp437", "x-mac-cyrillic", "IBM866", "IBM855", "Johab",
  ]

  struct Choice: Equatable {
    var name: String
    var confidence: Double
  }

  /// Penalty per scalar added for each unit of ICU confidence a candidate lacks: a guess
  /// ICU barely believes (GB18030 at 10 for Korean bytes, which it decodes into plausible
  /// but wrong Han) must decode better to win; but a few letters no language uses together
  /// (ISO-8859-16's `„` read as ISO-8859-2's `Ľ` in Romanian) outweigh ICU's preference.
  static let doubtWeight = 0.02

  /// How much worse (penalty per scalar, without ICU's confidence) than the winner's a
  /// decoding may look and still be weighed against it by `NgramFit`.
  static let plausibilityTie = 0.004
  /// How much better (mean log-probability per letter) a tied decoding must fit its best
  /// language to win.
  static let fitLead = 0.01

  static func choose(
    _ bytes: ArraySlice<UInt8>, icuCandidates: [ICUCharsetDetector.Guess], fit: NgramFit
  ) -> Choice? {
    let sample = bytes.prefix(sampleLength)
    var decodings: [Decoding] = []
    var lowestScore: Int?
    for candidate in candidates(icuCandidates, hasNul: sample.contains(0)) {
      guard case .success(let converted) = CharsetConverter.convert(sample, from: candidate.name)
      else { continue }
      let plausibility = DecodingPlausibility(converted.text)
      let rate = plausibility.rate
      let decoding = Decoding(
        guess: candidate, text: converted.text, scalars: plausibility.scalarCount,
        penalty: plausibility.penalty, rate: rate,
        score: rate + doubtWeight * (1 - candidate.confidence))
      if decoding.score < (lowestScore.map { decodings[$0].score - margin } ?? .infinity) {
        lowestScore = decodings.count
      }
      decodings.append(decoding)
    }
    guard let lowestScore else { return nil }
    let best = PenaltyLead.cleanest(decodings, incumbent: lowestScore)
    let winner = fittest(decodings, incumbent: best, fit: fit)
    let isICUGuess = icuCandidates.contains { $0.name == winner.guess.name }
    let confidence = isICUGuess ? winner.guess.confidence : max(0.1, 1 - 10 * winner.rate)
    return Choice(
      name: winner.guess.name,
      confidence: min(
        confidence,
        leadConfidence(
          winner, byLanguage: !winner.text.utf8.elementsEqual(decodings[best].text.utf8),
          byPoints: best != lowestScore, among: decodings)))
  }

  /// Penalty points (over the sample) of a lead that makes a choice half sure.
  static let halfSureLead = 20.0
  /// How sure a choice is by how far it leads the nearest decoding that gives other text:
  /// a few accented letters on a long page, or a choice the n-gram model made between
  /// equally clean decodings, are guesses, and the record says so. A sibling that won by its
  /// penalty points (`PenaltyLead`) against ICU's preference leads by those points.
  static func leadConfidence(
    _ winner: Decoding, byLanguage: Bool, byPoints: Bool, among decodings: [Decoding]
  ) -> Double {
    if byLanguage { return 0.5 }
    let measure = byPoints ? \Decoding.rate : \Decoding.score
    let nearest = decodings.lazy.filter { !$0.text.utf8.elementsEqual(winner.text.utf8) }
      .map { $0[keyPath: measure] }.min()
    guard let nearest else { return 1 }
    let lead = max(0, nearest - winner[keyPath: measure]) * Double(winner.scalars)
    return lead / (lead + halfSureLead)
  }

  /// A candidate's decoding of the sample and how it looks.
  struct Decoding {
    var guess: ICUCharsetDetector.Guess
    var text: String
    var scalars: Int
    /// `DecodingPlausibility`'s penalty points over the sample.
    var penalty: Int
    /// `DecodingPlausibility`'s penalty per scalar.
    var rate: Double
    /// `rate` plus the doubt ICU's confidence adds.
    var score: Double
  }

  /// The incumbent, or the decoding that looks about as clean and reads clearly better as
  /// language: plausibility sees only letters no language uses together, the n-gram model
  /// sees which language's letters they are. Each rival is weighed against the current winner
  /// on the words where the two differ only (`DifferingWords`), in the language of the words
  /// around them, so that the ASCII around a few accented words of a long page does not
  /// drown them.
  static func fittest(_ decodings: [Decoding], incumbent: Int, fit: NgramFit) -> Decoding {
    let leader = decodings[incumbent]
    var winner = leader
    var seen: Set<String> = [leader.text]
    for rival in decodings
    where rival.rate <= leader.rate + plausibilityTie && seen.insert(rival.text).inserted {
      guard let words = DifferingWords(winner.text, rival.text),
        fit.prefersSecond(words, lead: fitLead)
      else { continue }
      winner = rival
    }
    return winner
  }

  /// ICU's guesses, then the supersets of those, then the single-byte charsets it did not
  /// name. The added charsets inherit a confidence: a superset that of its subset, a
  /// single-byte charset ICU did not name that of the guess ICU believes least (it may be
  /// right where all of ICU's are wrong, but should not outrank one ICU found likelier).
  /// Without a NUL in the sample, ICU's UTF-16 and UTF-32 guesses (it makes them for every
  /// short text) come last with that confidence too: only CJK text with no space, digit or
  /// line feed lacks NULs in UTF-16, so they must read clearly better than all the rest
  /// (Thai words read as UTF-16 give Hangul syllables that look as clean).
  static func candidates(_ icuCandidates: [ICUCharsetDetector.Guess], hasNul: Bool)
    -> [ICUCharsetDetector.Guess]
  {
    let unicodeGuesses = hasNul ? [] : icuCandidates.filter { $0.name.hasPrefix("UTF-") }
    var candidates = icuCandidates.filter { hasNul || !$0.name.hasPrefix("UTF-") }
    for guess in candidates {
      if let superset = supersets[guess.name], !candidates.contains(where: { $0.name == superset })
      {
        candidates.append(.init(name: superset, confidence: guess.confidence))
      }
    }
    let prior = candidates.map(\.confidence).min() ?? 0
    for name in charsetsAlwaysTried where !candidates.contains(where: { $0.name == name }) {
      candidates.append(.init(name: name, confidence: prior))
    }
    for guess in unicodeGuesses {
      candidates.append(.init(name: guess.name, confidence: min(prior, guess.confidence)))
    }
    return candidates
  }
}
