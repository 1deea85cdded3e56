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
  /// Single-byte charsets tried whatever ICU guessed, one or two per script and region:
  /// ICU does not detect ISO-8859-13, ISO-8859-15, ISO-8859-16, windows-1257, KOI8-U,
  /// windows-874, macintosh or cp437, and on a line or two of text its list often lacks
  /// the right one of those it does detect. Where two decode a sample alike, the earlier
  /// wins (ISO-8859-2 before ISO-8859-16: Romanian pages used it with ş and ţ).
  static let singleByteCharsets = [
    "windows-1252", "ISO-8859-15", "windows-1250", "ISO-8859-2", "ISO-8859-16",
    "windows-1257", "ISO-8859-13", "windows-1251", "KOI8-R", "KOI8-U", "ISO-8859-5",
    "windows-1253", "ISO-8859-7", "windows-1254", "windows-1255", "windows-1256",
    "windows-874", "macintosh", "cp437",
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
    var best: Int?
    for candidate in candidates(icuCandidates, hasNul: sample.contains(0)) {
      guard case .success(let converted) = CharsetConverter.convert(sample, from: candidate.name)
      else { continue }
      let rate = DecodingPlausibility(converted.text).rate
      let decoding = Decoding(
        guess: candidate, text: converted.text, rate: rate,
        score: rate + doubtWeight * (1 - candidate.confidence))
      if decoding.score < (best.map { decodings[$0].score - margin } ?? .infinity) {
        best = decodings.count
      }
      decodings.append(decoding)
    }
    guard let best else { return nil }
    let winner = fittest(decodings, incumbent: best, fit: fit)
    let isICUGuess = icuCandidates.contains { $0.name == winner.guess.name }
    return Choice(
      name: winner.guess.name,
      confidence: isICUGuess ? winner.guess.confidence : max(0.1, 1 - 10 * winner.rate))
  }

  /// A candidate's decoding of the sample and how it looks.
  struct Decoding {
    var guess: ICUCharsetDetector.Guess
    var text: String
    /// `DecodingPlausibility`'s penalty per scalar.
    var rate: Double
    /// `rate` plus the doubt ICU's confidence adds.
    var score: Double
  }

  /// The incumbent, or the decoding that looks about as clean and reads clearly better as
  /// language: plausibility sees only letters no language uses together, the n-gram model
  /// sees which language's letters they are.
  static func fittest(_ decodings: [Decoding], incumbent: Int, fit: NgramFit) -> Decoding {
    let leader = decodings[incumbent]
    let rivals = decodings.filter {
      $0.rate <= leader.rate + plausibilityTie && !$0.text.utf8.elementsEqual(leader.text.utf8)
        && haveSameShape($0.text, leader.text)
    }
    guard !rivals.isEmpty, var bestFit = fit.meanLogProbability(leader.text) else {
      return leader
    }
    var winner = leader
    var seen: Set<String> = [leader.text]
    for rival in rivals where seen.insert(rival.text).inserted {
      if let rivalFit = fit.meanLogProbability(rival.text), rivalFit > bestFit + fitLead {
        winner = rival
        bestFit = rivalFit
      }
    }
    return winner
  }

  /// Whether two decodings differ only in which letter of one script some scalars are
  /// (`dešil` and `değil`, not `de๐il`): the n-gram model reads letters of its script and
  /// skips the rest, so only such decodings compare fairly.
  static func haveSameShape(_ first: String, _ second: String) -> Bool {
    var others = second.unicodeScalars.makeIterator()
    for scalar in first.unicodeScalars {
      guard let other = others.next() else { return false }
      if scalar == other { continue }
      let letters = (
        ScalarTraits.of(scalar).contains(.alphabetic), ScalarTraits.of(other).contains(.alphabetic)
      )
      guard letters == (true, true),
        DecodingPlausibility.script(of: scalar.value)
          == DecodingPlausibility.script(of: other.value)
      else { return false }
    }
    return others.next() == nil
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
    for name in singleByteCharsets where !candidates.contains(where: { $0.name == name }) {
      candidates.append(.init(name: name, confidence: prior))
    }
    for guess in unicodeGuesses {
      candidates.append(.init(name: guess.name, confidence: min(prior, guess.confidence)))
    }
    return candidates
  }
}
