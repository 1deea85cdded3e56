import Testing

@testable import Winnow

/// Scoring hashes letters ahead in chunks, rolls one hash state per order and looks up a
/// shorter n-gram only when a candidate lacks the longer one: it must add up exactly what a
/// plain walk over each letter's n-grams adds up.
@Suite struct NgramScoringTests {
  static let model = NgramLanguageModel.bundled

  /// Per candidate, the sum a letter-by-letter walk gives: each n-gram hashed from its start,
  /// every order looked up from the longest down, until each candidate has one.
  static func plainScores(_ text: Substring, _ candidates: [Int], letterLimit: Int = .max) -> (
    scores: [Int: Double], weight: Double, letters: Int
  ) {
    var scores = Dictionary(uniqueKeysWithValues: candidates.map { ($0, 0.0) })
    var word: [UInt32] = []
    var wordWeight = 1.0
    var weight = 0.0
    var letters = 0
    LetterScanner.scan(text) { letter, startsWord, wasUppercase in
      guard letters < letterLimit else { return false }
      if startsWord {
        word = []
        wordWeight = wasUppercase ? NgramLanguageModel.capitalizedWordWeight : 1
      }
      word.append(letter)
      letters += 1
      weight += wordWeight
      let longest = min(word.count, NgramHash.maximumOrder)
      var unresolved = LanguageMask(candidates)
      for order in stride(from: longest, through: 1, by: -1) {
        let hash = word.suffix(order).withUnsafeBufferPointer {
          NgramHash.hash($0.baseAddress!, count: order)
        }
        let backoff = Double(longest - order) * model.backoffPenalty
        model.table.forEachPosting(hash, unresolved: &unresolved) { language, quantum in
          scores[language]! += wordWeight * (backoff + model.gainByQuantum[quantum])
        }
        if unresolved.isEmpty { break }
      }
      return true
    }
    return (scores, weight, letters)
  }

  @Test(arguments: [
    "The weather was unusually warm for November, so we walked along the river.",
    "Gestern haben wir im Garten gearbeitet und danach einen langen Spaziergang gemacht, "
      + "Donaudampfschifffahrtsgesellschaftskapitän Müller auch.",
    "a", "Ab cd", "Größenwahnsinnige Übermütigkeit",
  ])
  func everyLetterAddsWhatAPlainWalkAdds(_ text: String) throws {
    try Self.expectPlainWalkSums(
      Substring(text), candidates: ["en", "de", "nl", "fr"], letterLimit: .max)
  }

  /// The model's verdict over all of `candidates` (no beam) on the first `letterLimit` letters
  /// of `text` has the letters, the mean and the lead of a plain walk over those letters.
  static func expectPlainWalkSums(
    _ text: Substring, candidates codes: [String], letterLimit: Int
  ) throws {
    let candidates = model.candidateSet(codes)
    let plain = plainScores(text, candidates.indices, letterLimit: letterLimit)
    let verdict = try #require(
      model.verdict(
        text, candidates: candidates, letterLimit: letterLimit, beamWidth: .infinity))
    #expect(verdict.letters == plain.letters)
    let best = try #require(model.languages.firstIndex(of: verdict.language))
    #expect(verdict.meanLogProbability == plain.scores[best]! / plain.weight + model.unseenPenalty)
    let runnerUp = try #require(verdict.runnerUp.flatMap { model.languages.firstIndex(of: $0) })
    #expect(verdict.lead == plain.scores[best]! - plain.scores[runnerUp]!)
  }

  /// The text or the letter limit may end anywhere in a chunk of hashed letters or at its
  /// end: every letter up to the limit, and none after, adds what a plain walk adds.
  @Test(arguments: [1, 4, 8, 12, 23, 24, 25, 31, 32, 33, 47, 48, 61])
  func aLetterLimitAnywhereInAChunkScoresThoseLetters(_ limit: Int) throws {
    try Self.expectPlainWalkSums(
      "Gestern haben wir im Garten gearbeitet und danach einen langen Spaziergang gemacht.",
      candidates: ["en", "de", "nl", "fr", "da"], letterLimit: limit)
  }

  /// Chunks end where the beam narrows: scoring that stops with one candidate left has scored
  /// the letters up to that check and no more, and a lone candidate is scored on its first
  /// `beamStart` letters.
  @Test func scoringStopsAtTheBeamCheckThatLeavesOneCandidate() throws {
    let text: Substring =
      "The weather was unusually warm for November, so we walked along the river and talked."
    let lone = try #require(
      Self.model.verdict(text, candidates: Self.model.candidateSet(["en"]), letterLimit: .max))
    #expect(lone.letters == Int(NgramLanguageModel.beamStart))
    let narrow = try #require(
      Self.model.verdict(
        text, candidates: Self.model.candidateSet(["en", "de"]), letterLimit: .max,
        beamWidth: 1))
    #expect(narrow.letters == Int(NgramLanguageModel.beamStart))
  }
}
