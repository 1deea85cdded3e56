import Foundation

/// Winnow's own character n-gram language model (orders 1-5), built by
/// `scripts/train_langid_model.py` from Lingua's n-gram tables. Scoring is naive-Bayes style:
/// at each letter, the log-probability of the letter given up to four letters before it in the
/// word, backing off to shorter contexts (with a penalty per order dropped) when the language
/// lacks the longer n-gram; the letters of capitalized words (mostly names) count half. Loaded
/// once; immutable and shared by all threads (a class, so that scoring never copies it).
public final class NgramLanguageModel: Sendable {
  /// ISO 639-1 codes of the model's languages, in file order.
  public let languages: [String]
  let table: NgramTable
  /// Log-probability of each quantum, minus the unseen penalty (see `score`).
  let gainByQuantum: [Double]
  let backoffPenalty: Double
  let unseenPenalty: Double
  /// What scoring adds for a letter, `weight * (backoff + gainByQuantum[quantum])`, worked out
  /// once for both letter weights (1, then `capitalizedWordWeight`) and every number of orders
  /// dropped (0 to `maximumOrder - 1`, the backoff their penalty times that): 256 quanta each,
  /// at `weightedGainRow`. The same operations on the same values, so the same sums.
  let weightedGains: [Double]
  private let indexByLanguage: [String: Int]
  /// The model's languages of each script in `ModelScriptTable`, made once.
  private let candidatesByScript: [String: CandidateSet]

  /// Parses a model file's bytes, checking all of it (see `NgramModelError`).
  public convenience init(bytes: [UInt8]) throws(NgramModelError) {
    try self.init(ModelBytes(copying: bytes))
  }

  init(_ bytes: ModelBytes) throws(NgramModelError) {
    let header = try ModelHeader(bytes)
    languages = header.languages
    table = try NgramTable(bytes: bytes, header: header)
    let step = Double(header.quantumStep)
    let unseen = Double(header.unseenPenalty)
    gainByQuantum = (0...255).map { -Double($0) * step - unseen }
    backoffPenalty = Double(header.backoffPenalty)
    unseenPenalty = Double(header.unseenPenalty)
    weightedGains = Self.weightedGains(
      gainByQuantum: gainByQuantum, backoffPenalty: backoffPenalty)
    let indexByLanguage = Dictionary(
      header.languages.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a }
    )
    self.indexByLanguage = indexByLanguage
    candidatesByScript = ModelScriptTable.languagesByScript.mapValues { codes in
      CandidateSet(indices: codes.compactMap { indexByLanguage[$0] })
    }
  }

  private static func weightedGains(gainByQuantum: [Double], backoffPenalty: Double) -> [Double] {
    var gains: [Double] = []
    gains.reserveCapacity(2 * NgramHash.maximumOrder * gainByQuantum.count)
    for weight in [1, capitalizedWordWeight] {
      for dropped in 0..<NgramHash.maximumOrder {
        let backoff = Double(dropped) * backoffPenalty
        gains += gainByQuantum.map { weight * (backoff + $0) }
      }
    }
    return gains
  }

  /// Where `weightedGains` holds the gains of a letter in a capitalized word or not, scored on
  /// an n-gram `dropped` orders shorter than its longest.
  @inline(__always)
  static func weightedGainRow(capitalized: Bool, dropped: Int) -> Int {
    // Unchecked: `dropped` is below `maximumOrder`, and the checks cost more than the sum.
    ((capitalized ? NgramHash.maximumOrder : 0) &+ dropped) &* 256
  }

  /// Reads and parses a model file.
  public convenience init(contentsOf url: URL) throws(NgramModelError) {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(path: url.path, reason: error.localizedDescription)
    }
    try self.init(bytes: [UInt8](data))
  }

  /// The candidate languages the model knows, as indices for `rank`; unknown and repeated codes
  /// are left out.
  public func candidateSet(_ codes: [String]) -> CandidateSet {
    var seen = Set<Int>()
    return CandidateSet(
      indices: codes.compactMap { indexByLanguage[$0] }.filter { seen.insert($0).inserted })
  }

  /// The model's languages written in `script` (an ICU long name, e.g. "Cyrillic").
  public func candidateSet(forScript script: String) -> CandidateSet {
    candidatesByScript[script] ?? CandidateSet(indices: [])
  }

  /// The best language for `text` among those of its dominant script, or nil when it has no
  /// letters of a script the model knows.
  public func identify(_ text: Substring) -> String? {
    guard let script = ModelScriptTable.dominantScript(of: text) else { return nil }
    return best(text, candidates: candidateSet(forScript: script))
  }

  /// Every `beamInterval` letters, candidates more than `beamWidth` (natural log) behind the
  /// best stop being scored: after a few words most of the 49 Latin-script candidates are out
  /// of the race, and dropping them makes long texts several times cheaper.
  static let beamInterval: Int32 = 8
  static let beamWidth = 40.0
  /// No candidate is dropped before this many letters (a foreign name can open a sentence).
  static let beamStart: Int32 = 24

  /// The candidates from best to worst for `text`, with their mean log-probability per letter
  /// over the letters they were scored on; ties go by language code, and candidates dropped
  /// from the beam come after the others, by their mean when they were dropped. Empty when no
  /// candidate is known to the model or the text has no letters.
  public func rank(_ text: Substring, candidates: CandidateSet) -> [NgramLanguageScore] {
    ranking(text, candidates: candidates)
  }

  /// `rank` with candidates given as ISO 639-1 codes.
  public func rank(_ text: Substring, candidates: [String]) -> [NgramLanguageScore] {
    ranking(text, candidates: candidateSet(candidates))
  }

  /// `rank` over scalars the language stage has already decoded.
  func rank(_ scalars: ArraySlice<Unicode.Scalar>, candidates: [String]) -> [NgramLanguageScore] {
    ranking(scalars, candidates: candidateSet(candidates))
  }

  private func ranking<Text: ScalarSource>(_ text: Text, candidates: CandidateSet)
    -> [NgramLanguageScore]
  {
    scoring(text, candidates.indices, letterLimit: .max) { beam in
      let ranked = (0..<beam.candidates.count).map { slot in
        let index = beam.candidates[slot]
        let weight = slot < beam.alive ? beam.weight : beam.droppedAt[index]
        return (
          alive: slot < beam.alive, language: languages[index],
          score: beam.scores[index] / weight + unseenPenalty
        )
      }.sorted { a, b in
        (a.alive ? 1 : 0, a.score, b.language) > (b.alive ? 1 : 0, b.score, a.language)
      }
      return ranked.map { NgramLanguageScore(language: $0.language, score: $0.score) }
    } ?? []
  }

  /// The best candidate for `text` (ties to the first code in alphabetical order), or nil when
  /// there is none.
  public func best(_ text: Substring, candidates: CandidateSet) -> String? {
    scoring(text, candidates.indices, letterLimit: .max) { beam in
      var best = beam.candidates[0]
      for index in beam.candidates[1..<beam.alive]
      where beam.scores[index] > beam.scores[best]
        || (beam.scores[index] == beam.scores[best] && languages[index] < languages[best])
      {
        best = index
      }
      return languages[best]
    }
  }

  /// `best` with candidates given as ISO 639-1 codes.
  public func best(_ text: Substring, candidates: [String]) -> String? {
    best(text, candidates: candidateSet(candidates))
  }

  /// How many of the best candidates a verdict names as `leaders`.
  static let leaderCount = 4

  /// The best candidate for the first `letterLimit` letters of `text` and its lead over the
  /// runner-up (ties to the first code in alphabetical order); nil without candidates or
  /// letters. A narrower `beamWidth` stops as soon as the leader is that far ahead of all.
  func verdict<Text: ScalarSource>(
    _ text: Text, candidates: CandidateSet, letterLimit: Int, beamWidth: Double = beamWidth
  ) -> NgramVerdict? {
    scoring(text, candidates.indices, letterLimit: letterLimit, beamWidth: beamWidth) { beam in
      var best = beam.candidates[0]
      for index in beam.candidates[1..<beam.alive]
      where beam.scores[index] > beam.scores[best]
        || (beam.scores[index] == beam.scores[best] && languages[index] < languages[best])
      {
        best = index
      }
      // The first `leaderCount` of the live candidates by score, then the dropped ones by
      // their mean when they were dropped.
      var leaders: [(alive: Int, mean: Double, index: Int)] = []
      leaders.reserveCapacity(Self.leaderCount + 1)
      for slot in 0..<beam.candidates.count {
        let index = beam.candidates[slot]
        let weight = slot < beam.alive ? beam.weight : beam.droppedAt[index]
        let entry = (alive: slot < beam.alive ? 1 : 0, mean: beam.scores[index] / weight)
        // The leaders stay sorted, so the place is found from the back: most candidates
        // rank after the last of a full list and are turned away at once.
        var place = leaders.count
        while place > 0 {
          let other = leaders[place - 1]
          guard (entry.alive, entry.mean, other.index) > (other.alive, other.mean, index) else {
            break
          }
          place -= 1
        }
        guard place < Self.leaderCount else { continue }
        leaders.insert((entry.alive, entry.mean, index), at: place)
        if leaders.count > Self.leaderCount { leaders.removeLast() }
      }
      /// How far the best is ahead of the candidate in `place` (1: the runner-up); a candidate
      /// that left the beam was at least `beamWidth` behind (less, in capitalized words).
      func lead(over place: Int) -> Double {
        if place < beam.alive { return beam.scores[best] - beam.scores[leaders[place].index] }
        return place < beam.candidates.count ? beamWidth : .infinity
      }
      return NgramVerdict(
        language: languages[best],
        meanLogProbability: beam.scores[best] / beam.weight + unseenPenalty,
        runnerUp: beam.alive > 1 ? languages[leaders[1].index] : nil,
        lead: lead(over: 1), leadOverFourth: lead(over: 3), letters: beam.letters,
        leaders: CandidateSet(indices: leaders.map(\.index)))
    }
  }

  /// Scores `text` in scratch memory on the stack and hands the result to `finish`; nil
  /// without candidates or letters.
  private func scoring<Text: ScalarSource, Result>(
    _ text: Text, _ candidates: [Int], letterLimit: Int, beamWidth: Double = beamWidth,
    _ finish: (Beam) -> Result
  ) -> Result? {
    guard !candidates.isEmpty else { return nil }
    let languageCount = languages.count
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: languageCount) { scores in
      withUnsafeTemporaryAllocation(of: Double.self, capacity: languageCount) { droppedAt in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: candidates.count) { order in
          withUnsafeTemporaryAllocation(of: UInt64.self, capacity: NgramHash.maximumOrder) {
            states in
            scores.initialize(repeating: 0)
            droppedAt.initialize(repeating: 0)
            _ = order.initialize(from: candidates)
            states.initialize(repeating: NgramHash.basis)
            var beam = Beam(
              scores: scores, candidates: order, alive: candidates.count,
              aliveMask: LanguageMask(candidates), width: beamWidth, droppedAt: droppedAt,
              letters: 0, weight: 0)
            score(text, letterLimit: letterLimit, beam: &beam, states: states.baseAddress!)
            return beam.letters > 0 ? finish(beam) : nil
          }
        }
      }
    }
  }

  /// Letters hashed ahead of scoring, so that their table memory can be prefetched: the first
  /// `beamStart`, then `beamInterval` at a time, so each chunk ends where the beam is narrowed
  /// and no letter is hashed after scoring stops with one candidate left.
  static let chunkSize = Int(beamStart)
  /// What the letters of a capitalized word count for, against a lowercase word's: names of
  /// people, places and brands are often foreign to the text, or shared by its language's
  /// neighbours, and say less about its language than the words around them.
  static let capitalizedWordWeight = 0.5
  /// How many letters ahead the records of a sub-bucket are prefetched (where its run starts
  /// is prefetched as soon as the letter is hashed), and how many letters ahead the record of
  /// the longest n-gram is found among them: each step waits for memory, so each is taken
  /// while earlier letters are scored. A shorter n-gram's record is
  /// found only when some candidate lacks the longer one (a few letters in ten).
  static let runLead = 8
  static let recordLead = 4
  /// N-grams of up to this many letters are not prefetched: they are few and looked up all the
  /// time, so their records stay cached (the 4,096 n-grams looked up most, mostly of one to
  /// three letters, hold 78 % of the lookups and, copied to a table of their own, removed 0.5 %
  /// of the last-level misses), and their prefetches cost instructions only. Below a letter's
  /// longest n-gram their keys are not even worked out until scoring looks them up: on the dev
  /// sentences a letter had 3.2 keys worked out and 0.8 lookups below its longest n-gram, and
  /// a key costs the hash's finish and the directory's division (about 40 instructions).
  static let unprefetchedOrders = 2

  /// Adds, for each letter, each live candidate's log-probability minus the unseen penalty (so
  /// a language without even the unigram costs nothing here and the penalty is added once at
  /// the end), times the letter's weight (`capitalizedWordWeight` in a capitalized word, else
  /// 1). Letters are hashed a chunk at a time and scored with prefetching; once a single
  /// candidate is left, the rest of the text cannot change the outcome and is skipped, and so
  /// is everything after the first `letterLimit` letters.
  private func score<Text: ScalarSource>(
    _ text: Text, letterLimit: Int, beam: inout Beam, states: UnsafeMutablePointer<UInt64>
  ) {
    let maximumOrder = NgramHash.maximumOrder
    let table = table
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.chunkSize * maximumOrder) {
      keys in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.chunkSize * maximumOrder) {
        records in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.chunkSize) { longestOrders in
          withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.chunkSize) { weights in
            var position: Int32 = 0
            var wordLength = 0
            var wordWeight = 1.0
            var count = 0
            var remaining = letterLimit
            LetterScanner.scan(text) { letter, startsWord, wasUppercase in
              guard remaining > 0 else { return false }
              remaining -= 1
              if startsWord {
                wordLength = 1
                wordWeight = wasUppercase ? Self.capitalizedWordWeight : 1
              } else {
                wordLength += 1
              }
              weights[count] = wordWeight
              let longest = min(wordLength, maximumOrder)
              longestOrders[count] = longest
              // `states[order - 1]`: the FNV-1a state of the n-gram of `order` letters ending
              // here, the letter added to the one a letter shorter ending at the letter before.
              for order in stride(from: longest, to: 1, by: -1) {
                states[order &- 1] = NgramHash.extend(states[order &- 2], with: letter)
              }
              states[0] = NgramHash.extend(NgramHash.basis, with: letter)
              // The letter's keys, by order; below the longest, the unprefetched orders keep
              // their state (see `unprefetchedOrders`).
              let row = keys.baseAddress! + count &* maximumOrder
              for order in 1...longest {
                let state = states[order &- 1]
                guard order > Self.unprefetchedOrders || order == longest else {
                  row[order &- 1] = state
                  continue
                }
                let key = table.key(NgramHash.finish(state))
                row[order &- 1] = key
                if order > Self.unprefetchedOrders { table.prefetchBucket(key: key) }
              }
              count &+= 1
              guard count == (position == 0 ? Self.chunkSize : Int(Self.beamInterval)) else {
                return true
              }
              scoreChunk(count, keys, records, longestOrders, weights, &position, &beam)
              count = 0
              return beam.alive > 1 && position < Int32.max - Int32(Self.chunkSize)
            }
            scoreChunk(count, keys, records, longestOrders, weights, &position, &beam)
            beam.letters = Int(position)
          }
        }
      }
    }
  }

  /// Scores `count` hashed letters; see `score`.
  @inline(__always)
  private func scoreChunk(
    _ count: Int, _ keys: UnsafeMutableBufferPointer<UInt64>,
    _ records: UnsafeMutableBufferPointer<UInt32>,
    _ longestOrders: UnsafeMutableBufferPointer<Int>,
    _ weights: UnsafeMutableBufferPointer<Double>,
    _ position: inout Int32,
    _ beam: inout Beam
  ) {
    let maximumOrder = NgramHash.maximumOrder
    let table = table
    // Every order from the third: a letter backs off to shorter n-grams for some candidate
    // more often than not, and those of three letters or more are spread over the table; the
    // shorter ones stay cached (`unprefetchedOrders`).
    func prefetch(_ letter: Int) {
      guard letter < count else { return }
      let longest = longestOrders[letter]
      guard longest > Self.unprefetchedOrders else { return }
      for order in (Self.unprefetchedOrders + 1)...longest {
        table.prefetchRecords(key: keys[letter &* maximumOrder &+ order &- 1])
      }
    }
    func locate(_ letter: Int) {
      guard letter < count else { return }
      let slot = letter &* maximumOrder &+ longestOrders[letter] &- 1
      records[slot] = table.record(ofKey: keys[slot])
    }
    for letter in 0..<min(count, Self.runLead) { prefetch(letter) }
    for letter in 0..<min(count, Self.recordLead) { locate(letter) }
    weightedGains.withUnsafeBufferPointer { weightedGains in
      for letter in 0..<count {
        prefetch(letter &+ Self.runLead)
        locate(letter &+ Self.recordLead)
        position &+= 1
        let weight = weights[letter]
        beam.weight += weight
        let capitalized = weight != 1
        let longest = longestOrders[letter]
        var unresolved = beam.aliveMask
        let scores = beam.scores
        var order = longest
        while order >= 1 {
          let gains =
            weightedGains.baseAddress!
            + Self.weightedGainRow(capitalized: capitalized, dropped: longest &- order)
          let slot = letter &* maximumOrder &+ order &- 1
          let record =
            order == longest
            ? records[slot]
            : table.record(
              ofKey: order > Self.unprefetchedOrders
                ? keys[slot] : table.key(NgramHash.finish(keys[slot])))
          table.forEachPosting(inRecord: record, unresolved: &unresolved) { language, quantum in
            scores[language] += gains[quantum]
          }
          if unresolved.isEmpty { break }
          order -= 1
        }
        if position % Self.beamInterval == 0 && position >= Self.beamStart && beam.alive > 1 {
          beam.drop(at: position)
          // The rest of the text cannot change the outcome.
          if beam.alive == 1 { return }
        }
      }
    }
  }
}

/// Scratch state of one scoring: the candidates, live ones first, and when the others left.
private struct Beam {
  /// Sum per language index of (log-probability - unseen penalty) over the scored letters,
  /// each times its weight (see `NgramLanguageModel.capitalizedWordWeight`).
  var scores: UnsafeMutableBufferPointer<Double>
  /// Candidate language indices; the first `alive` are still scored.
  var candidates: UnsafeMutableBufferPointer<Int>
  var alive: Int
  /// The first `alive` candidates as a mask.
  var aliveMask: LanguageMask
  /// How far (natural log) behind the best a candidate may fall and still be scored, when
  /// every letter weighs 1: with lighter letters (capitalized words) the gap shrinks in
  /// proportion, so that the beam narrows as fast per letter whatever the case of the text.
  let width: Double
  /// Per language index, the total weight of the letters scored before it was dropped.
  var droppedAt: UnsafeMutableBufferPointer<Double>
  var letters: Int
  /// The total weight of the letters scored: scores over it are mean log-probabilities.
  var weight: Double

  /// Stops scoring the live candidates more than `width` (times the mean letter weight of the
  /// `position` letters scored) behind the best.
  mutating func drop(at position: Int32) {
    var top = -Double.infinity
    for slot in 0..<alive { top = max(top, scores[candidates[slot]]) }
    let floor = top - width * weight / Double(position)
    var slot = 0
    while slot < alive {
      let index = candidates[slot]
      if scores[index] < floor {
        aliveMask.remove(index)
        droppedAt[index] = weight
        alive -= 1
        candidates.swapAt(slot, alive)
      } else {
        slot += 1
      }
    }
  }
}

/// Indices of candidate languages in a model, made once per set of candidates.
public struct CandidateSet: Sendable, Equatable {
  let indices: [Int]
}
