/// Chooses the charset of bytes that are not UTF-8: ICU's candidates (ucsdet_detectAll)
/// plus charsets ICU converts but does not detect, each decoding of a sample scored by
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
  /// Single-byte charsets ICU does not detect, tried when its best guess is single-byte.
  static let singleByteExtras = ["ISO-8859-13", "windows-874", "macintosh", "cp437"]

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
    // Extras inherit the confidence of the guess they extend: a superset that of its
    // subset, a single-byte extra that of ICU's best.
    var candidates = icuCandidates
    for guess in icuCandidates {
      if let superset = supersets[guess.name], !candidates.contains(where: { $0.name == superset })
      {
        candidates.append(.init(name: superset, confidence: guess.confidence))
      }
    }
    if icuCandidates.first.map({ isSingleByte($0.name) }) ?? true {
      let prior = icuCandidates.first?.confidence ?? 0
      for name in singleByteExtras where !candidates.contains(where: { $0.name == name }) {
        candidates.append(.init(name: name, confidence: prior))
      }
    }
    let sample = bytes.prefix(sampleLength)
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

  static func isSingleByte(_ name: String) -> Bool {
    name.hasPrefix("ISO-8859") || name.hasPrefix("windows-125") || name.hasPrefix("KOI8")
  }
}
