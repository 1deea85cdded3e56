/// Chooses the charset of bytes that are not UTF-8: ICU's candidates (ucsdet_detectAll)
/// plus the single-byte charsets of every script (ICU detects some of them, and on short
/// text often leaves out the right one), each decoding of a sample scored by
/// `DecodingPlausibility`. ICU's order breaks ties, so a candidate must look clearly better
/// to overturn its best guess.
enum EncodingRanker {
  /// Bytes of the sample each candidate decodes: enough to judge, cheap to convert.
  static let sampleLength = 16384
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
  /// but wrong Han) must decode much better to win.
  static let doubtWeight = 0.05

  static func choose(_ bytes: ArraySlice<UInt8>, icuCandidates: [ICUCharsetDetector.Guess])
    -> Choice?
  {
    let sample = bytes.prefix(sampleLength)
    let candidates = candidates(icuCandidates, hasNul: sample.contains(0))
    var best: (guess: ICUCharsetDetector.Guess, score: Double, rate: Double)?
    for candidate in candidates {
      guard case .success(let converted) = ICUConverter.convert(sample, from: candidate.name)
      else { continue }
      let rate = DecodingPlausibility(converted.text).rate
      let score = rate + doubtWeight * (1 - candidate.confidence)
      if score < (best?.score ?? .infinity) - (best == nil ? 0 : margin) {
        best = (candidate, score, rate)
      }
    }
    guard let best else { return nil }
    let isICUGuess = icuCandidates.contains { $0.name == best.guess.name }
    return Choice(
      name: best.guess.name,
      confidence: isICUGuess ? best.guess.confidence : max(0.1, 1 - 10 * best.rate))
  }

  /// ICU's guesses, then the supersets of those, then the single-byte charsets it did not
  /// name. UTF-16 and UTF-32 need NULs here: the decoder has already tried them on any
  /// sample with NULs, and without one ICU offers them for every short text. The added
  /// charsets inherit a confidence: a superset that of its subset, a single-byte charset
  /// ICU did not name that of the guess ICU believes least (it may be right where all of
  /// ICU's are wrong, but should not outrank one ICU found likelier).
  static func candidates(_ icuCandidates: [ICUCharsetDetector.Guess], hasNul: Bool)
    -> [ICUCharsetDetector.Guess]
  {
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
    return candidates
  }
}
