/// Guesses the language of a piece of text. Built once and shared by all threads.
///
/// The script decides first: Hangul is Korean, kana is Japanese, Han alone is Chinese, Thai,
/// Greek, Hebrew, Armenian, Georgian and others each have one language. Text in a script
/// many languages share (Latin, Cyrillic, Arabic, Devanagari) is scored by its common words,
/// word beginnings and endings, and telltale letters against the languages written in that script. Without
/// any evidence the guess is the script's most common language, with a confidence near 0,
/// where the cues name one; without any letters it is `und`.
public struct LanguageIdentifier: Sendable {
  /// A language guess: ISO 639-1 (else 639-3) or `und`, ISO 15924 script, confidence 0...1.
  public struct Guess: Equatable, Sendable {
    public var language: String
    public var script: String
    public var confidence: Double

    public init(language: String, script: String, confidence: Double) {
      self.language = language
      self.script = script
      self.confidence = confidence
    }
  }

  /// How much one telltale letter counts next to one common word.
  static let letterWeight = 0.25
  /// How much one telltale word beginning or ending counts next to one common word.
  static let affixWeight = 0.5
  /// The confidence of a script's most common language, guessed without any evidence.
  static let fallbackConfidence = 0.1
  /// Common words needed for full confidence.
  static let wordsForFullConfidence = 3.0

  let model: LanguageModel
  let table: ScriptTable

  public init() {
    model = .builtIn
    table = .shared
  }

  public func identify(_ text: String) -> Guess { identify(text.unicodeScalars) }

  /// The same for a line cut out of a larger text, without copying it.
  public func identify(_ text: Substring) -> Guess { identify(text.unicodeScalars) }

  func identify<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) -> Guess {
    var evidence = Evidence(model: model, table: table)
    for scalar in scalars { evidence.add(scalar) }
    evidence.endWord()
    return decide(evidence)
  }

  private func decide(_ evidence: Evidence) -> Guess {
    let total = evidence.letters
    guard total > 0 else { return Guess(language: "und", script: "Zyyy", confidence: 0) }
    // Han, kana and Hangul count together: Japanese mixes Han and kana in every sentence,
    // and Korean writes some words in Han.
    let han = evidence.letters(in: table.han)
    let kana = evidence.letters(in: table.hiragana) + evidence.letters(in: table.katakana)
    let hangul = evidence.letters(in: table.hangul)
    var script = table.han
    var scriptLetters = han + kana + hangul
    for (index, seen) in evidence.scripts.enumerated()
    where evidence.scriptLetters[index] > scriptLetters && table.runScript(seen) != table.han {
      script = seen
      scriptLetters = evidence.scriptLetters[index]
    }
    let share = Double(scriptLetters) / Double(total)
    if script == table.han {
      return eastAsian(
        han: han, kana: kana, hangul: hangul, evidence: evidence, share: rounded(share))
    }
    let iso = table.isoCodes[script]
    if let language = model.languageOfScript[script] {
      return Guess(language: language, script: iso, confidence: rounded(share))
    }
    return guessFromWords(evidence, script: script, iso: iso, share: share)
  }

  /// Korean when Hangul is a tenth of the run, else Japanese when kana is, else Chinese, in
  /// the variant its characters show.
  private func eastAsian(han: Int, kana: Int, hangul: Int, evidence: Evidence, share: Double)
    -> Guess
  {
    let run = han + kana + hangul
    if hangul * 10 >= run && hangul >= kana {
      return Guess(language: "ko", script: han > 0 ? "Kore" : "Hang", confidence: share)
    }
    if kana * 10 >= run { return Guess(language: "ja", script: "Jpan", confidence: share) }
    let variant =
      evidence.traditionalHan > evidence.simplifiedHan
      ? "Hant" : evidence.simplifiedHan > evidence.traditionalHan ? "Hans" : "Hani"
    return Guess(language: "zh", script: variant, confidence: share)
  }

  /// The best-scoring language written in `script`; ties go to the one listed first.
  private func guessFromWords(_ evidence: Evidence, script: Int, iso: String, share: Double)
    -> Guess
  {
    var best = -1
    var bestScore = 0.0
    var secondScore = 0.0
    for (index, candidate) in model.candidates.enumerated() where candidate.script == script {
      let score = evidence.scores[index]
      if score > bestScore {
        secondScore = bestScore
        bestScore = score
        best = index
      } else if score > secondScore {
        secondScore = score
      }
    }
    guard best >= 0 else {
      guard let fallback = model.fallbackOfScript[script] else {
        return Guess(language: "und", script: iso, confidence: 0)
      }
      return Guess(
        language: fallback, script: iso, confidence: rounded(share * Self.fallbackConfidence))
    }
    let margin = (bestScore - secondScore) / bestScore
    let strength = min(1, bestScore / Self.wordsForFullConfidence)
    let confidence = share * strength * (0.4 + 0.6 * margin)
    return Guess(
      language: model.candidates[best].language, script: iso, confidence: rounded(confidence))
  }

  private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// What one pass over the text found: letters per script, word and letter scores per
/// candidate language, and simplified or traditional Han characters.
private struct Evidence {
  let model: LanguageModel
  let table: ScriptTable
  /// The scripts met so far, in order, and their letters.
  private(set) var scripts: [Int] = []
  private(set) var scriptLetters: [Int] = []
  /// Where the last letter's script sits in `scripts`: text rarely changes script.
  private var lastSlot = -1
  /// Letters of any script.
  var letters = 0
  var scores: [Double]
  var simplifiedHan = 0
  var traditionalHan = 0
  private var wordHash = WordHash.seed
  private var wordLength = 0
  /// The word's last four letters, the last one first.
  private var tail: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
  /// Hashes of the word's first two, three and four letters, once it has them.
  private var heads: (UInt64, UInt64, UInt64) = (0, 0, 0)

  init(model: LanguageModel, table: ScriptTable) {
    self.model = model
    self.table = table
    scores = [Double](repeating: 0, count: model.candidates.count)
  }

  @inline(__always)
  mutating func add(_ scalar: Unicode.Scalar) {
    let (script, lowercase) = table.classify(scalar)
    if script == ScriptTable.neutral {
      endWord()
      return
    }
    wordHash = WordHash.adding(lowercase, to: wordHash)
    wordLength += 1
    tail = (lowercase, tail.0, tail.1, tail.2)
    switch wordLength {
    case 2: heads.0 = wordHash
    case 3: heads.1 = wordHash
    case 4: heads.2 = wordHash
    default: break
    }
    guard script >= 0 else { return }
    count(letterOf: script)
    letters += 1
    if lowercase >= 0x80 {
      model.letters.forEach(UInt64(lowercase)) {
        scores[Int($0)] += LanguageIdentifier.letterWeight
      }
      if script == table.han {
        if model.simplifiedOnly.contains(lowercase) { simplifiedHan += 1 }
        if model.traditionalOnly.contains(lowercase) { traditionalHan += 1 }
      }
    }
  }

  @inline(__always)
  private mutating func count(letterOf script: Int) {
    if lastSlot < 0 || scripts[lastSlot] != script {
      if let slot = scripts.firstIndex(of: script) {
        lastSlot = slot
      } else {
        scripts.append(script)
        scriptLetters.append(0)
        lastSlot = scripts.count - 1
      }
    }
    scriptLetters[lastSlot] += 1
  }

  func letters(in script: Int) -> Int {
    scripts.firstIndex(of: script).map { scriptLetters[$0] } ?? 0
  }

  mutating func endWord() {
    guard wordLength > 0 else { return }
    model.words.forEach(wordHash) { scores[Int($0)] += 1 }
    // A beginning or ending counts when at least two more letters follow or precede it.
    for length in LanguageModel.affixLengths where wordLength >= length + 2 {
      model.endings.forEach(WordHash.of(lastLetters: length, tail)) {
        scores[Int($0)] += LanguageIdentifier.affixWeight
      }
      let head = length == 2 ? heads.0 : length == 3 ? heads.1 : heads.2
      model.beginnings.forEach(head) { scores[Int($0)] += LanguageIdentifier.affixWeight }
    }
    wordHash = WordHash.seed
    wordLength = 0
  }
}
