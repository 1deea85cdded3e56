import Foundation

/// Guesses the language of a piece of text. Built once and shared by all threads.
///
/// The script decides first: Hangul is Korean, kana is Japanese, Han alone is Chinese, Thai,
/// Greek, Hebrew, Armenian, Georgian and others each have one language. Text in a script
/// several languages share (Latin, Cyrillic, Arabic, Devanagari) goes to the character n-gram
/// model (`NgramLanguageModel`), with the languages of that script as candidates. Only the
/// first `sampleLetters` letters are looked at: a paragraph rarely changes language after
/// that, and the segmenter cuts long paragraphs into sentences anyway. Without any letters
/// the guess is `und`.
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

  /// Letters looked at, at most: enough for the model to settle on a sentence.
  static let sampleLetters = 300
  /// The lead (natural log) of the model's best language over the runner-up at which the
  /// guess is about two-thirds sure; the confidence grows as 1 - exp(-lead / leadScale).
  static let leadScale = 8.0
  /// Mean log-probabilities per letter at which Latin or Cyrillic text stops and starts
  /// looking like real text of the best language (see `NgramVerdict.meanLogProbability`):
  /// made-up words and strings of initials score below the first and get no confidence.
  static let implausibleFit = -4.2
  static let plausibleFit = -3.2
  /// How much worse than the text that set the expectation (in mean log-probability per
  /// letter) text may fit the expected language and still be taken as more of it without
  /// scoring every language: text in another language fits much worse, unless that language
  /// is a close rival, which is scored too.
  static let expectedFitDrop = 0.4
  /// Below this fit the expected language is never taken without scoring every language: a
  /// page that began with text the model fits badly (names, numbers) sets no lower bar.
  static let expectedFitFloor = -2.8
  /// Letters looked at, at most, to confirm the expected language, and the lead (natural log)
  /// over every rival that confirms it sooner.
  static let expectedSampleLetters = 48
  static let expectedLead = 16.0
  /// A paragraph (`checkingParagraph`) is checked against the expected language's rivals
  /// over as many letters as a guess without expectation reads (`sampleLetters`), and when
  /// the expected language has close siblings (`siblingRivals`), rivals leave the check only
  /// as far behind as they leave that guess (`NgramLanguageModel.beamWidth`): a paragraph
  /// that opens with a sentence or a few names that read as the page's language and goes on
  /// in its sibling (Catalan after a Spanish sentence, Bokmål behind Danish-looking names) is
  /// not absorbed by its first 48 letters, as per line it is not (and the words weigh in
  /// whatever the lead, see `verdict`). Other languages keep the
  /// narrow beam: the wide one on every paragraph cost 2.7 % of the pipeline's instructions
  /// (docs/language.md, 2f).
  static func quickCheck(paragraph: Bool, withSiblings: Bool) -> (
    letters: Int, beamWidth: Double
  ) {
    guard paragraph else { return (expectedSampleLetters, expectedLead) }
    return (sampleLetters, withSiblings ? NgramLanguageModel.beamWidth : expectedLead)
  }
  /// Below this mean log-probability per letter over the quick check's sample, text fits the
  /// expected language only loosely, and a paragraph that the caller asks to be checked so
  /// (`checkingParagraph`) must lead every language of its script too, not only the text
  /// before's closest rivals: a model trained on web text full of English (Yoruba, Luganda)
  /// ranks English or Swahili above those rivals. Real text of the expected language mostly
  /// fits better: on the first 400 dev pages 9 % of the checks that pass fall below, and all
  /// three such paragraphs of the tuning half's mixed pages do (docs/language.md, 2e).
  static let looseFit = -2.3
  /// A run of another script shorter than this (a name, a quoted word) does not make the
  /// guess less sure: only longer runs count against the share of the text's script.
  static let loneRunLetters = 20

  /// What a Latin letter counts for, against a letter of another script, when a piece mixes
  /// scripts (see `weight`): Latin must hold two thirds of the letters to win.
  static let latinVoteShare = (numerator: 1, denominator: 2)

  /// What one word's weight in `SiblingWords` counts for against the model's lead: both are
  /// natural logs of a likelihood ratio. On the tuning half of the dev sentences 0.5, 1, 2
  /// and 3 gave means within 0.1 points; 1 is the principled choice.
  static let siblingWordWeight = 1.0

  let scripts: ScriptLanguages
  let table: ScriptTable
  let model: NgramLanguageModel
  let siblings: SiblingWords
  let discriminator: SiblingDiscriminator
  /// ICU script code to the model's languages of that script, for scripts with several.
  let candidatesByScript: [Int: CandidateSet]
  /// ICU script codes of the alphabets in which a bad fit means made-up words rather than a
  /// language: Latin and Cyrillic. Elsewhere the model's fit varies too much between
  /// languages (Urdu and Hindi score far below Arabic and Marathi) to say so.
  let fitCheckedScripts: Set<Int>
  /// Per language, the siblings `siblings` or `discriminator` can tell it from.
  let siblingRivals: [String: CandidateSet]
  /// `siblings.knows` for every pair of the model's languages, by index (row: the first).
  let wordPairs: [Bool]

  public init() {
    scripts = .builtIn
    table = .shared
    model = .bundled
    siblings = .bundled
    discriminator = .bundled
    var candidatesByScript: [Int: CandidateSet] = [:]
    for script in ModelScriptRange.Script.allCases {
      let codes = ModelScriptTable.candidates(forScript: script.name)
      if codes.count > 1, let code = table.code(ofISO: script.iso) {
        candidatesByScript[code] = model.candidateSet(codes)
      }
    }
    self.candidatesByScript = candidatesByScript
    fitCheckedScripts = Set([table.latin, table.code(ofISO: "Cyrl")].compactMap { $0 })
    var siblingRivals: [String: CandidateSet] = [:]
    for language in model.languages {
      let partners =
        siblings.partners(of: language)
        + (discriminator.group(of: language)?.languages.filter { $0 != language } ?? [])
      if !partners.isEmpty { siblingRivals[language] = model.candidateSet(partners) }
    }
    self.siblingRivals = siblingRivals
    let languages = model.languages
    var wordPairs = [Bool](repeating: false, count: languages.count * languages.count)
    for (row, language) in languages.enumerated() {
      for partner in siblings.partners(of: language) {
        if let column = languages.firstIndex(of: partner) {
          wordPairs[row * languages.count + column] = true
        }
      }
    }
    self.wordPairs = wordPairs
  }

  public func identify(_ text: String) -> Guess { identify(Substring(text)) }

  /// The same for a line cut out of a larger text, without copying it.
  public func identify(_ text: Substring) -> Guess {
    text.utf8.withContiguousStorageIfAvailable { identify(source: ValidUTF8(bytes: $0)) }
      ?? identify(source: text)
  }

  /// The same for a line of UTF-8 bytes: read in place when they are valid (nearly always),
  /// else repaired as `String(decoding:as:)` repairs them. Making each line a string first
  /// cost `winnow langid` more instructions than the check of a sentence's words.
  public func identify(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Guess {
    guard UTF8Scalars.isValid(bytes) else {
      return identify(String(decoding: bytes, as: UTF8.self))
    }
    return identify(source: ValidUTF8(bytes: bytes))
  }

  /// The same for scalars the caller has already decoded.
  func identify(_ scalars: ArraySlice<Unicode.Scalar>) -> Guess {
    var expectation: Expectation?
    return identify(source: scalars, expecting: &expectation)
  }

  /// What the model found last on a page: its language and closest rivals. Text that follows
  /// is most often in the same language, and checking that against a few rivals costs a
  /// fraction of scoring every language of the script.
  struct Expectation {
    var script: Int
    var language: String
    var rivals: CandidateSet
    /// The mean log-probability per letter of the text that set the expectation.
    var fit: Double
  }

  /// The same for a piece of a page, after the pieces before it: when the model still prefers
  /// the expected language among its rivals and the text fits it well, that is the guess;
  /// otherwise every language of the script is scored and the expectation renewed.
  func identify(
    _ scalars: ArraySlice<Unicode.Scalar>, expecting expectation: inout Expectation?
  ) -> Guess {
    identify(source: scalars, expecting: &expectation)
  }

  /// The same for a piece whose letters the caller knows to be all of `alphabet`, one script
  /// that is not Han, kana or Hangul, with at least one letter: the text is then that script
  /// through and through, and the pass that counts the letters of each script is skipped. Nil
  /// `alphabet` makes that pass. `checkingParagraph`: see `quickCheck` and `looseFit`.
  func identify(
    _ scalars: ArraySlice<Unicode.Scalar>, allLettersIn alphabet: Int?,
    expecting expectation: inout Expectation?, checkingParagraph: Bool = false
  ) -> Guess {
    guard let alphabet else {
      return identify(
        source: scalars, expecting: &expectation, checkingParagraph: checkingParagraph)
    }
    return guess(
      scalars, script: alphabet, share: 1, mixed: false, expecting: &expectation,
      checkingParagraph: checkingParagraph)
  }

  private func identify<Text: ScalarSource>(
    source text: Text, expecting expectation: inout Expectation?, checkingParagraph: Bool = false
  ) -> Guess {
    var evidence = Evidence()
    text.forEachScalarValue { value in
      // Valid strings only hold valid scalar values.
      evidence.add(Unicode.Scalar(value)!, table: table, scripts: scripts)
      return evidence.letters < Self.sampleLetters
    }
    evidence.finish()
    return decide(
      evidence, text, expecting: &expectation, checkingParagraph: checkingParagraph)
  }

  private func identify<Text: ScalarSource>(source text: Text) -> Guess {
    var expectation: Expectation?
    return identify(source: text, expecting: &expectation)
  }

  /// The model's verdict among the languages of `script`, trying the expectation first.
  private func verdict<Text: ScalarSource>(
    _ text: Text, script: Int, candidates: CandidateSet, expecting expectation: inout Expectation?,
    checkingParagraph: Bool, words: inout [String]?
  ) -> NgramVerdict? {
    // A close sibling of the expected language must be left behind within the sample, and
    // the words must agree: a page may well switch to a sibling.
    if let expected = expectation, expected.script == script,
      case let check = Self.quickCheck(
        paragraph: checkingParagraph, withSiblings: siblingRivals[expected.language] != nil),
      let verdict = model.verdict(
        text, candidates: expected.rivals, letterLimit: check.letters,
        beamWidth: check.beamWidth),
      verdict.language == expected.language,
      verdict.meanLogProbability >= max(expected.fit - Self.expectedFitDrop, Self.expectedFitFloor),
      !checkingParagraph || verdict.meanLogProbability >= Self.looseFit
        || leadsEveryLanguage(expected.language, text, candidates: candidates)
    {
      // A paragraph's words are weighed whatever the lead, as when it is scored in full: a
      // lead built on one sentence of the expected language is no lead over the rest.
      guard checkingParagraph || verdict.lead < Self.expectedLead,
        let rival = closeRival(in: verdict)
      else { return verdict }
      let settled = settlingSiblings(verdict, over: rival, text, words: &words)
      if settled.language == expected.language { return settled }
    }
    guard var verdict = model.verdict(text, candidates: candidates, letterLimit: Self.sampleLetters)
    else { return nil }
    // A winner that fits badly, or worse than the page's language fitted the text before, may
    // have won only because the beam dropped the real language during a foreign name or a
    // header that opened the text: then every candidate is scored to the end.
    var refitBelow = Self.expectedFitFloor
    if let expected = expectation, expected.script == script, expected.language != verdict.language
    {
      refitBelow = max(refitBelow, expected.fit - Self.expectedFitDrop)
    }
    if verdict.meanLogProbability < refitBelow,
      let full = model.verdict(
        text, candidates: candidates, letterLimit: Self.sampleLetters, beamWidth: .infinity)
    {
      verdict = full
    }
    if let rival = closeRival(in: verdict) {
      verdict = settlingSiblings(verdict, over: rival, text, words: &words)
    }
    expectation = Expectation(
      script: script, language: verdict.language, rivals: rivals(of: verdict),
      fit: verdict.meanLogProbability)
    return verdict
  }

  /// Whether `language` also leads every one of `candidates` over the quick check's sample.
  private func leadsEveryLanguage<Text: ScalarSource>(
    _ language: String, _ text: Text, candidates: CandidateSet
  ) -> Bool {
    model.verdict(
      text, candidates: candidates, letterLimit: Self.expectedSampleLetters,
      beamWidth: Self.expectedLead)?.language == language
  }

  /// The leaders of a verdict, and the siblings of its language that the words or the
  /// discriminator can tell apart: the rivals text after it is checked against. A sibling
  /// that the text before happened not to rank among its leaders must still be checked, or
  /// the page's first language absorbs every paragraph of its sibling (Portuguese after
  /// Spanish, Catalan after Spanish).
  private func rivals(of verdict: NgramVerdict) -> CandidateSet {
    guard let siblings = siblingRivals[verdict.language] else { return verdict.leaders }
    let missing = siblings.indices.filter { !verdict.leaders.indices.contains($0) }
    return missing.isEmpty
      ? verdict.leaders : CandidateSet(indices: verdict.leaders.indices + missing)
  }

  /// The model's second best when `SiblingWords` can tell it from the best. The runner-up is
  /// always the second of the leaders, and the best their first but for a tie, so the pair is
  /// looked up by the model's indices (`wordPairs`) rather than by hashing both codes.
  private func closeRival(in verdict: NgramVerdict) -> String? {
    let leaders = verdict.leaders.indices
    guard leaders.count > 1 else { return nil }
    let rival = leaders[1]
    let known =
      model.languages[leaders[0]] == verdict.language
      ? wordPairs[leaders[0] * model.languages.count + rival]
      : siblings.knows(verdict.language, model.languages[rival])
    return known ? model.languages[rival] : nil
  }

  /// The verdict weighed again with the words of `text` against `rival`, a close sibling of
  /// the best language: turned to the rival when its words say so more strongly than the
  /// model's lead.
  private func settlingSiblings<Text: ScalarSource>(
    _ verdict: NgramVerdict, over rival: String, _ text: Text, words: inout [String]?
  ) -> NgramVerdict {
    guard
      let wordLead = siblings.lead(
        of: verdict.language, over: rival, in: siblingWords(of: text, splitOnce: &words))
    else {
      return verdict
    }
    var settled = verdict
    settled.lead = verdict.lead + wordLead * Self.siblingWordWeight
    if settled.lead < 0 {
      settled.language = rival
      settled.runnerUp = verdict.language
      settled.lead = -settled.lead
    }
    return settled
  }

  private func decide<Text: ScalarSource>(
    _ evidence: Evidence, _ text: Text, expecting expectation: inout Expectation?,
    checkingParagraph: Bool
  ) -> Guess {
    let total = evidence.letters
    guard total > 0 else { return Guess(language: "und", script: "Zyyy", confidence: 0) }
    // Han, kana and Hangul count together: Japanese mixes Han and kana in every sentence,
    // and Korean writes some words in Han.
    let han = evidence.letters(in: table.han)
    let kana = evidence.letters(in: table.hiragana) + evidence.letters(in: table.katakana)
    let hangul = evidence.letters(in: table.hangul)
    var script = table.han
    var scriptLetters = han + kana + hangul
    for (index, seen) in evidence.scriptCodes.enumerated()
    where weight(evidence.scriptLetters[index], of: seen) > weight(scriptLetters, of: script)
      && table.runScript(seen) != table.han
    {
      script = seen
      scriptLetters = evidence.scriptLetters[index]
    }
    let lone = evidence.loneRunLetters(outside: script, table: table)
    let share = Double(scriptLetters) / Double(total - lone)
    if script == table.han {
      return eastAsian(
        han: han, kana: kana, hangul: hangul, evidence: evidence, share: rounded(share))
    }
    return guess(
      text, script: script, share: share, mixed: evidence.scriptCodes.count > 1,
      expecting: &expectation, checkingParagraph: checkingParagraph)
  }

  /// The guess for text in `script`, whose letters are `share` of the text's; `mixed` when
  /// letters of other scripts are there too (they are left out of scoring).
  private func guess<Text: ScalarSource>(
    _ text: Text, script: Int, share: Double, mixed: Bool,
    expecting expectation: inout Expectation?, checkingParagraph: Bool
  ) -> Guess {
    let iso = table.isoCodes[script]
    if let candidates = candidatesByScript[script],
      let judged = mixed
        ? judged(
          lettersOf(script, in: text), script: script, candidates: candidates,
          expecting: &expectation, checkingParagraph: checkingParagraph)
        : judged(
          text, script: script, candidates: candidates, expecting: &expectation,
          checkingParagraph: checkingParagraph)
    {
      return Guess(
        language: judged.language, script: iso, confidence: rounded(share * judged.sureness))
    }
    if let language = scripts.languageOfScript[script] {
      return Guess(language: language, script: iso, confidence: rounded(share))
    }
    return Guess(language: "und", script: iso, confidence: 0)
  }

  /// The model's verdict among the languages of `script` and how sure it is; when the best
  /// is in a group of `SiblingDiscriminator`, the discriminator chooses within the group, and
  /// the sureness is its probability times the model's sureness over the other languages.
  private func judged<Text: ScalarSource>(
    _ text: Text, script: Int, candidates: CandidateSet, expecting expectation: inout Expectation?,
    checkingParagraph: Bool
  ) -> (language: String, sureness: Double)? {
    var words: [String]?
    guard
      let verdict = verdict(
        text, script: script, candidates: candidates, expecting: &expectation,
        checkingParagraph: checkingParagraph, words: &words)
    else { return nil }
    let checkingFit = fitCheckedScripts.contains(script)
    guard let group = discriminator.group(of: verdict.language) else {
      return (verdict.language, Self.confidence(of: verdict, checkingFit: checkingFit))
    }
    let choice = discriminator.choose(
      in: group, words: siblingWords(of: text, splitOnce: &words),
      modelChoice: verdict.language,
      modelLead: group.leadRow == nil ? 0 : lead(of: group.languages, in: text),
      siblings: siblings)
    var overOthers = verdict
    if let rival = verdict.runnerUp, group.languages.contains(rival) {
      overOthers.lead = verdict.leadOverFourth
    }
    return (
      choice.language,
      choice.probability * Self.confidence(of: overOthers, checkingFit: checkingFit)
    )
  }

  /// The n-gram model's lead of the first of two siblings over the second on `text`: the two
  /// scored alone over the sample, to its end, so neither is lost to the beam of the verdict.
  private func lead<Text: ScalarSource>(of pair: [String], in text: Text) -> Double {
    guard
      let verdict = model.verdict(
        text, candidates: model.candidateSet(pair), letterLimit: Self.sampleLetters,
        beamWidth: .infinity)
    else { return 0 }
    return verdict.language == pair[0] ? verdict.lead : -verdict.lead
  }

  /// The words of `text` for `SiblingWords` and the discriminator, split on first use and
  /// kept in `words`: a text often needs both.
  private func siblingWords<Text: ScalarSource>(of text: Text, splitOnce words: inout [String]?)
    -> [String]
  {
    if let words { return words }
    let split = SiblingWords.words(of: text, table: table, letterLimit: Self.sampleLetters)
    words = split
    return split
  }

  /// The text with the letters of other scripts turned to spaces, up to `sampleLetters`
  /// letters of `script`: a name or a quoted word in another script is no evidence for or
  /// against any language of this one, and scored it only makes the text fit every candidate
  /// worse.
  private func lettersOf<Text: ScalarSource>(_ script: Int, in text: Text)
    -> ArraySlice<Unicode.Scalar>
  {
    let own = table.runScript(script)
    var kept: [Unicode.Scalar] = []
    var letters = 0
    text.forEachScalarValue { value in
      // Valid strings only hold valid scalar values.
      let scalar = Unicode.Scalar(value)!
      let seen = table.classify(scalar).script
      if seen >= 0 && table.runScript(seen) != own {
        kept.append(" ")
      } else {
        kept.append(scalar)
        if seen >= 0 { letters += 1 }
      }
      return letters < Self.sampleLetters
    }
    return kept[...]
  }

  /// Letters of `script` as votes for it being the text's script: a Latin letter is worth
  /// `latinVoteShare` of another script's, since names, brands, web addresses and English
  /// phrases run through text of every script, far more often than the reverse.
  private func weight(_ letters: Int, of script: Int) -> Int {
    script == table.latin
      ? letters * Self.latinVoteShare.numerator
      : letters * Self.latinVoteShare.denominator
  }

  /// How sure the model is: half its lead over the runner-up, half its lead over the fourth
  /// best (so close siblings halve the confidence at most), discounted when even the best
  /// language fits the letters badly.
  static func confidence(of verdict: NgramVerdict, checkingFit: Bool) -> Double {
    let sureness =
      1 - (exp(-verdict.lead / leadScale) + exp(-verdict.leadOverFourth / leadScale)) / 2
    guard checkingFit else { return sureness }
    let fit = (verdict.meanLogProbability - implausibleFit) / (plausibleFit - implausibleFit)
    return sureness * min(1, max(0, fit))
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

  private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// What one pass over the text found: letters per script, and simplified or traditional Han
/// characters. The tables it reads are handed to each call rather than kept: a copy in every
/// line's evidence was retained and released, field by field, at each line.
private struct Evidence {
  /// The scripts met so far, in order, their letters, and those of them in runs shorter than
  /// `LanguageIdentifier.loneRunLetters` (after `finish`).
  private(set) var scriptCodes: [Int] = []
  private(set) var scriptLetters: [Int] = []
  private var loneLetters: [Int] = []
  /// The script of the latest letters and how many there are since it was last counted into
  /// the arrays: text rarely changes script, so most letters only bump this counter.
  private var currentScript = ScriptTable.neutral
  private var currentLetters = 0
  /// Letters of any script.
  var letters = 0
  var simplifiedHan = 0
  var traditionalHan = 0

  @inline(__always)
  mutating func add(_ scalar: Unicode.Scalar, table: ScriptTable, scripts: ScriptLanguages) {
    let (script, lowercase) = table.classify(scalar)
    guard script >= 0 else { return }
    count(letterOf: script)
    letters += 1
    if script == table.han {
      if scripts.simplifiedOnly.contains(lowercase) { simplifiedHan += 1 }
      if scripts.traditionalOnly.contains(lowercase) { traditionalHan += 1 }
    }
  }

  @inline(__always)
  private mutating func count(letterOf script: Int) {
    if script != currentScript {
      finish()
      currentScript = script
    }
    currentLetters += 1
  }

  /// Counts the latest letters into `scriptCodes`, `scriptLetters` and `loneLetters`.
  mutating func finish() {
    guard currentLetters > 0 else { return }
    let lone = currentLetters < LanguageIdentifier.loneRunLetters ? currentLetters : 0
    if let slot = scriptCodes.firstIndex(of: currentScript) {
      scriptLetters[slot] += currentLetters
      loneLetters[slot] += lone
    } else {
      scriptCodes.append(currentScript)
      scriptLetters.append(currentLetters)
      loneLetters.append(lone)
    }
    currentLetters = 0
  }

  /// Letters in short runs of scripts that do not count with `script` (Han, kana and Hangul
  /// count together).
  func loneRunLetters(outside script: Int, table: ScriptTable) -> Int {
    let own = table.runScript(script)
    return scriptCodes.indices.reduce(0) {
      $0 + (table.runScript(scriptCodes[$1]) == own ? 0 : loneLetters[$1])
    }
  }

  func letters(in script: Int) -> Int {
    scriptCodes.firstIndex(of: script).map { scriptLetters[$0] } ?? 0
  }
}
