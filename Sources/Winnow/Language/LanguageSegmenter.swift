/// Cuts text into language segments: per paragraph, then per script run, and per sentence
/// in long paragraphs; runs with too few letters join a neighbour, so a foreign name, word or
/// character never opens a segment of its own, and a guess too weak to trust takes the
/// language of a neighbour in the same script (or becomes `und`). Each piece is identified
/// expecting the language found last (see `LanguageIdentifier.Expectation`), which makes
/// most pieces cheap to check.
struct LanguageSegmenter: Sendable {
  /// The label of a segment before it gets its offsets.
  struct Label: Hashable {
    var language: String
    var script: String
  }

  let identifier: LanguageIdentifier
  let minSegmentLetters: Int
  let minScriptRunLetters: Int
  let sentenceSplitChars: Int
  let minSentenceRunLetters: Int
  let minSentenceRunLead: Double
  let minConfidence: Double

  /// Contiguous segments covering `text` from 0 to its number of code points; none for "".
  func segments(of text: String) -> [Segment] {
    let scalars = Self.scalars(of: text)
    var pieces: [Piece<Label>] = []
    var paragraphStart = 0
    var expectation: LanguageIdentifier.Expectation?
    while paragraphStart < scalars.count {
      let paragraph = paragraphStart..<Self.paragraphEnd(in: scalars, from: paragraphStart)
      let runs = ScriptRuns.runs(in: scalars, paragraph, table: identifier.table)
      let alphabet =
        runs.count == 1 ? soleAlphabet(of: scalars, paragraph, runScript: runs[0].label) : nil
      pieces += joiningUnsureScriptRuns(
        Piece.smoothed(runs, minLetters: minScriptRunLetters).map {
          identified($0, in: scalars, alphabet: alphabet, expecting: &expectation)
        })
      paragraphStart = paragraph.upperBound
    }
    let smoothed = Piece.smoothed(pieces, minLetters: minSegmentLetters)
    let settled = Self.settlingSiblings(
      joiningMisreadOpenings(
        settlingWeakGuesses(
          reconsideringWeakGuesses(Self.settlingChineseVariants(smoothed), in: scalars)),
        in: scalars),
      words: identifier.siblings, discriminator: identifier.discriminator,
      fitsClearlyBetter: { piece, leading in leads(piece, over: leading, in: scalars) })
    return settled.map {
      Segment(
        start: $0.start, end: $0.end, language: $0.label.language, script: $0.label.script,
        confidence: ($0.confidence * 1000).rounded() / 1000)
    }
  }

  /// The text's scalars in one pass: a string has at most as many scalars as UTF-8 bytes, so
  /// the array is sized once without counting first. Read off the string's bytes by the text
  /// layer's walker: walking `unicodeScalars` validated each step and cost four times as much.
  static func scalars(of text: String) -> [Unicode.Scalar] {
    [Unicode.Scalar](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
      count = 0
      UTF8Scalars.forEach(in: text) { value in
        // A string's bytes only hold valid scalar values.
        buffer[count] = Unicode.Scalar(value).unsafelyUnwrapped
        count &+= 1
        return true
      }
    }
  }

  /// Where the paragraph starting at `start` ends: after its line break, or at the end.
  private static func paragraphEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int {
    scalars.withUnsafeBufferPointer { buffer in
      var index = start
      while index < buffer.count {
        if buffer[index].value == 0x0A { return index + 1 }
        index += 1
      }
      return buffer.count
    }
  }

  /// The script of every letter of a paragraph made of one script run (`runScript`), when
  /// it is an alphabet (not Han, kana or Hangul, which the identifier weighs together) and
  /// the letters of web addresses, which the runs leave out and the identifier counts, are of
  /// it too. Then no piece of the paragraph needs the identifier's own pass to find its
  /// script: any piece with letters is all that script.
  private func soleAlphabet(
    of scalars: [Unicode.Scalar], _ paragraph: Range<Int>, runScript: Int
  ) -> Int? {
    let table = identifier.table
    guard runScript >= 0, runScript != table.han else { return nil }
    // Outside addresses every letter is of `runScript` already; inside them, an ASCII letter
    // is Latin and any other letter must be looked up. ASCII is most of a Latin page, so it
    // is skipped first.
    let latin = runScript == table.latin
    let sole: Bool = scalars.withUnsafeBufferPointer { buffer in
      var index = paragraph.lowerBound
      while index < paragraph.upperBound {
        // On a Latin paragraph, blocks of ASCII are passed over whole: one OR per scalar.
        if latin && index + Self.asciiBlock <= paragraph.upperBound {
          var bits: UInt32 = 0
          for offset in 0..<Self.asciiBlock { bits |= buffer[index &+ offset].value }
          if bits < 0x80 {
            index &+= Self.asciiBlock
            continue
          }
        }
        let value = buffer[index].value
        index &+= 1
        if value < 0x80 {
          if !latin && (value | 0x20) &- 0x61 < 26 { return false }
          continue
        }
        let script = table.classify(Unicode.Scalar(value).unsafelyUnwrapped).script
        if script >= 0 && script != runScript { return false }
      }
      return true
    }
    return sole ? runScript : nil
  }

  /// Scalars `soleAlphabet` tests for ASCII at once.
  private static let asciiBlock = 16

  /// A piece made of many weak guesses agreeing with each other is judged again as a whole,
  /// where its words add up: a page of short English lines is English, not undetermined.
  private func reconsideringWeakGuesses(
    _ pieces: [Piece<Label>], in scalars: [Unicode.Scalar]
  ) -> [Piece<Label>] {
    pieces.map { piece in
      guard piece.letters > 0 && piece.confidence < minConfidence else { return piece }
      let guess = identifier.identify(scalars[piece.start..<piece.end])
      guard guess.language == piece.label.language else { return piece }
      var reconsidered = piece
      reconsidered.confidence = max(piece.confidence, guess.confidence)
      return reconsidered
    }
  }

  /// Gives each piece guessed with less than `minConfidence` the label of its neighbour in
  /// the same script with more letters among those guessed confidently (looking past pieces
  /// without letters, such as a line of digits), pass by pass so a settled piece can settle
  /// the next; what is left becomes `und` in its script.
  private func settlingWeakGuesses(_ pieces: [Piece<Label>]) -> [Piece<Label>] {
    func isWeak(_ piece: Piece<Label>) -> Bool {
      piece.letters > 0 && piece.confidence < minConfidence
    }
    var pieces = pieces
    for _ in 0..<Self.settlingPasses {
      let before = pieces
      let (previous, next) = Self.nearestWithLetters(before)
      for index in pieces.indices where isWeak(before[index]) {
        let neighbours = [previous[index], next[index]].compactMap { $0 }.filter {
          !isWeak(before[$0]) && before[$0].label.script == before[index].label.script
        }
        guard let neighbour = neighbours.max(by: { before[$0].letters < before[$1].letters })
        else { continue }
        pieces[index].label = before[neighbour].label
        pieces[index].confidence = before[neighbour].confidence
      }
      pieces = Piece.coalesced(pieces)
      if pieces == before { break }
    }
    return Piece.coalesced(
      pieces.map {
        guard isWeak($0) else { return $0 }
        var undetermined = $0
        undetermined.label.language = "und"
        return undetermined
      })
  }

  /// A piece gets the language of a neighbour in its script when the n-gram model, scoring
  /// every letter of the piece for the two languages alone, fits it better in the
  /// neighbour's. The piece's own guess was made on its first letters, where the beam can
  /// drop the language of the rest during an opening in a third one: HTTP header lines before
  /// a Portuguese paragraph read as Catalan, a Latin book title before its Czech translation
  /// as Latin (docs/language.md, 2g). Only a piece inside one paragraph is judged so: a
  /// piece that spans paragraphs was never guessed as a whole, and scored as one its larger
  /// part would take the rest (a Dutch paragraph with an Afrikaans one misread as Dutch).
  /// Siblings that the words or the discriminator tell apart are left to
  /// `settlingSiblings`: between them the model is the weaker judge.
  private func joiningMisreadOpenings(
    _ pieces: [Piece<Label>], in scalars: [Unicode.Scalar]
  ) -> [Piece<Label>] {
    let (previous, next) = Self.nearestWithLetters(pieces)
    var joined = pieces
    for index in pieces.indices
    where pieces[index].letters > 0
      && !scalars[pieces[index].start..<max(pieces[index].start, pieces[index].end - 1)]
        .contains("\n")
    {
      let label = pieces[index].label
      let neighbours = [previous[index], next[index]].compactMap { $0 }.filter {
        let other = pieces[$0].label
        return other.script == label.script && other.language != label.language
          && other.language != Label.undetermined.language
          && label.language != Label.undetermined.language
          && !identifier.discriminator.knows(label.language, other.language)
          && !identifier.siblings.knows(label.language, other.language)
      }
      for neighbour in neighbours.sorted(by: { pieces[$0].letters > pieces[$1].letters }) {
        let other = pieces[neighbour].label.language
        guard
          let verdict = identifier.model.verdict(
            scalars[pieces[index].start..<pieces[index].end],
            candidates: identifier.model.candidateSet([label.language, other]),
            letterLimit: Self.misreadCheckLetters, beamWidth: .infinity),
          verdict.language == other, verdict.lead > 0
        else { continue }
        joined[index].label = pieces[neighbour].label
        joined[index].confidence = pieces[neighbour].confidence
        break
      }
    }
    return Piece.coalesced(joined)
  }

  /// Letters `joiningMisreadOpenings` scores, at most: twice what the guess read, so the text
  /// after an opening outweighs it, while a long piece costs no more than two guesses.
  static let misreadCheckLetters = 2 * LanguageIdentifier.sampleLetters

  /// Chinese without a character only one of the variants uses (script `Hani`) is taken as
  /// the variant of the Chinese next to it, so a page in traditional characters is not cut
  /// at every paragraph that happens to be written the same in both.
  private static func settlingChineseVariants(_ pieces: [Piece<Label>]) -> [Piece<Label>] {
    var pieces = pieces
    for index in pieces.indices
    where pieces[index].label == Label(language: "zh", script: "Hani") {
      let neighbours = [index - 1, index + 1].filter {
        pieces.indices.contains($0) && pieces[$0].label.language == "zh"
          && pieces[$0].label.script != "Hani"
      }
      if let neighbour = neighbours.max(by: { pieces[$0].letters < pieces[$1].letters }) {
        pieces[index].label = pieces[neighbour].label
      }
    }
    return Piece.coalesced(pieces)
  }

  /// Languages so close that the model often takes one for another, while a page seldom
  /// mixes them.
  static let siblingGroups: [Set<String>] = [
    ["bs", "hr", "sr"], ["ms", "id"], ["nb", "nn", "da"],
  ]

  /// Whether two different languages are of one of `siblingGroups`.
  static func areSiblings(_ language: String, _ other: String) -> Bool {
    language != other && siblingGroups.contains { $0.contains(language) && $0.contains(other) }
  }

  /// A piece guessed at least this surely keeps its own language among siblings that the
  /// words or the discriminator tell apart: a paragraph's own guess is the better evidence
  /// (a page of Danish and Bokmål paragraphs keeps both, as per line it does). Pages built
  /// from the tuning half of the dev sentences scored best at 0.6 and below for both (0.5 is
  /// `min_confidence`'s default; 0.95, a lead of about 20 nats, absorbed a Bokmål paragraph
  /// read at 0.94); see docs/language.md.
  static let siblingConfidence = 0.6

  /// The pieces of a page in languages of one sibling group (and one script) take the
  /// language of the group with the most letters on the page, unless `words` or the
  /// `discriminator` can tell the two apart and the piece was guessed at least
  /// `siblingConfidence` surely (the n-gram model alone cannot separate Bosnian from
  /// Croatian, however sure it says it is), or the piece `fitsClearlyBetter` its own language
  /// than the leading one: a Bokmål paragraph unsure only against Nynorsk (its confidence
  /// weighs the closest sibling) is no Danish, however much Danish the page holds.
  static func settlingSiblings(
    _ pieces: [Piece<Label>], words: SiblingWords, discriminator: SiblingDiscriminator,
    fitsClearlyBetter: (Piece<Label>, String) -> Bool
  ) -> [Piece<Label>] {
    var letters: [Label: Int] = [:]
    for piece in pieces { letters[piece.label, default: 0] += piece.letters }
    var pieces = pieces
    for index in pieces.indices {
      let label = pieces[index].label
      guard let group = siblingGroups.first(where: { $0.contains(label.language) }) else {
        continue
      }
      let leading = letters.filter {
        group.contains($0.key.language) && $0.key.script == label.script
      }
      .max { ($0.value, $1.key.language) < ($1.value, $0.key.language) }
      guard let leading else { continue }
      let toldApart =
        discriminator.knows(label.language, leading.key.language)
        || words.knows(label.language, leading.key.language)
      guard !toldApart || pieces[index].confidence < siblingConfidence,
        leading.key == label || !fitsClearlyBetter(pieces[index], leading.key.language)
      else { continue }
      pieces[index].label = leading.key
    }
    return Piece.coalesced(pieces)
  }

  /// For each piece, the nearest piece with letters before it and after it.
  private static func nearestWithLetters(_ pieces: [Piece<Label>]) -> ([Int?], [Int?]) {
    var previous = [Int?](repeating: nil, count: pieces.count)
    var next = [Int?](repeating: nil, count: pieces.count)
    var last: Int?
    for index in pieces.indices {
      previous[index] = last
      if pieces[index].letters > 0 { last = index }
    }
    last = nil
    for index in pieces.indices.reversed() {
      next[index] = last
      if pieces[index].letters > 0 { last = index }
    }
    return (previous, next)
  }

  /// Enough for a few weak paragraphs in a row; bounded so a page of nothing but weak
  /// guesses stays linear.
  private static let settlingPasses = 4

  /// A paragraph (or script run) with at least this many letters is checked against the
  /// expected language over as many letters as per line reads (see
  /// `LanguageIdentifier.quickCheck`), and against every language of its script when it fits
  /// the expected language only loosely (`LanguageIdentifier.looseFit`): a paragraph that long
  /// is a segment the page's expectation must not absorb. Shorter ones, and the sentences of
  /// long paragraphs, are not (they are
  /// most of the checks, and checking them too cost 2.3 % of the pipeline's instructions for
  /// 0.4 points of quote recall and nothing on mixed pages; docs/language.md, 2e).
  static let paragraphCheckLetters = 100

  /// A guess at least this sure (the confidence of a lead of about 20 nats, see
  /// `LanguageIdentifier.confidence`) lets a short run of another script keep its language.
  static let sureScriptRunConfidence = 0.95

  /// The pieces of a paragraph's script runs, where a run with fewer letters than a run of
  /// sentences needs to leave its paragraph (`minSentenceRunLetters`) keeps its own language
  /// only when it is sure of it (a Chinese sentence is, a header line of Latin words in an
  /// Urdu paragraph or a Latin-script reference in a Macedonian one is not): otherwise it
  /// takes the language of the neighbouring run with more letters.
  private func joiningUnsureScriptRuns(_ runs: [[Piece<Label>]]) -> [Piece<Label>] {
    guard runs.count > 1 else { return runs.first ?? [] }
    let letters = runs.map { $0.reduce(0) { $0 + $1.letters } }
    var joined = runs
    for index in runs.indices
    where letters[index] > 0 && letters[index] < minSentenceRunLetters
      && runs[index].allSatisfy({ $0.confidence < Self.sureScriptRunConfidence })
    {
      let neighbours = [index - 1, index + 1].filter {
        runs.indices.contains($0) && letters[$0] > letters[index]
      }
      guard let neighbour = neighbours.max(by: { letters[$0] < letters[$1] }),
        let beside = neighbour < index ? runs[neighbour].last : runs[neighbour].first
      else { continue }
      for piece in joined[index].indices {
        joined[index][piece].label = beside.label
        joined[index][piece].confidence = beside.confidence
      }
    }
    return joined.flatMap { $0 }
  }

  /// The run as one guess, or as a guess per sentence when it is long. `alphabet` is the
  /// script of all the paragraph's letters, when they have one (see `soleAlphabet`).
  private func identified(
    _ run: Piece<Int>, in scalars: [Unicode.Scalar], alphabet: Int?,
    expecting expectation: inout LanguageIdentifier.Expectation?
  ) -> [Piece<Label>] {
    if run.label == ScriptTable.neutral {
      return [Piece(start: run.start, end: run.end, label: Label.undetermined, letters: 0)]
    }
    guard run.end - run.start > sentenceSplitChars else {
      let guess = identifier.identify(
        scalars[run.start..<run.end], allLettersIn: alphabet, expecting: &expectation,
        checkingParagraph: run.letters >= Self.paragraphCheckLetters)
      return [
        Piece(
          start: run.start, end: run.end,
          label: Label(language: guess.language, script: guess.script), letters: run.letters,
          confidence: guess.confidence)
      ]
    }
    var pieces = Self.sentences(of: scalars, run.start..<run.end).map { sentence in
      let letters = ScriptRuns.runs(in: scalars, sentence, table: identifier.table).reduce(0) {
        $0 + $1.letters
      }
      // Letters outside web addresses are letters to the identifier too; a sentence of only
      // an address needs its own pass.
      let guess = identifier.identify(
        scalars[sentence], allLettersIn: letters > 0 ? alphabet : nil, expecting: &expectation)
      return Piece(
        start: sentence.lowerBound, end: sentence.upperBound,
        label: Label(language: guess.language, script: guess.script), letters: letters,
        confidence: guess.confidence)
    }
    // A sentence leaves its paragraph's language only as part of a run of sentences with
    // enough letters that fits its own language clearly better than the paragraph's; a
    // shorter run stays in its own language when such a run established it in the paragraph
    // (the page's sentences around a foreign quote are not absorbed by the quote). A close
    // sibling of the paragraph's language never leaves it: the paragraph as a whole is the
    // stronger evidence between siblings, and a header line or a sentence of dialect in a
    // Danish paragraph reads as Nynorsk by far more than one in Danish does.
    let runs = Piece.coalesced(pieces)
    if runs.count > 1,
      let whole = paragraphGuess(run, sentences: pieces, in: scalars, alphabet: alphabet)
    {
      let established = Set(
        runs.filter {
          $0.label == whole.label
            || (!Self.areSiblings($0.label.language, whole.label.language)
              && $0.letters >= minSentenceRunLetters
              && leads($0, over: whole.label.language, in: scalars))
        }.map(\.label))
      pieces = runs.map { run in
        guard !established.contains(run.label) else { return run }
        var joined = run
        joined.label = whole.label
        joined.confidence = whole.confidence
        return joined
      }
    }
    return Piece.smoothed(pieces, minLetters: minSegmentLetters)
  }

  /// Whether `run` fits its own language better than `language` by `minSentenceRunLead` per
  /// letter. A sentence full of names or borrowed words ("De volgende frazioni maken deel
  /// uit van de gemeente: Bagnolo, Vignola, ...") fits a third language only a little
  /// better than its own, while a sentence really written in another language fits it by far.
  private func leads(
    _ run: Piece<Label>, over language: String, in scalars: [Unicode.Scalar]
  ) -> Bool {
    let scores = identifier.model.rank(
      scalars[run.start..<run.end], candidates: [run.label.language, language])
    guard let own = scores.first(where: { $0.language == run.label.language }),
      let paragraph = scores.first(where: { $0.language == language })
    else { return true }
    return own.score - paragraph.score >= minSentenceRunLead
  }

  /// The language of a paragraph whose sentences disagree, judged on the paragraph as a
  /// whole as a line on its own would be (its first letters, no expectation from the page):
  /// the sentences, shorter, are the weaker evidence, above all between close siblings.
  /// Without a guess, the language with the most letters among its sentences, sure as they
  /// are on average (weighted by letters). Nil without letters.
  private func paragraphGuess(
    _ paragraph: Piece<Int>, sentences: [Piece<Label>], in scalars: [Unicode.Scalar],
    alphabet: Int?
  ) -> Piece<Label>? {
    var noExpectation: LanguageIdentifier.Expectation?
    let guess = identifier.identify(
      scalars[paragraph.start..<paragraph.end], allLettersIn: alphabet,
      expecting: &noExpectation)
    if guess.language != Label.undetermined.language {
      return Piece(
        start: 0, end: 0, label: Label(language: guess.language, script: guess.script),
        letters: paragraph.letters, confidence: guess.confidence)
    }
    var letters: [String: Int] = [:]
    for sentence in sentences { letters[sentence.label.language, default: 0] += sentence.letters }
    guard let language = letters.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
      language.value > 0
    else { return nil }
    let own = sentences.filter { $0.label.language == language.key }
    let confidence =
      own.reduce(0) { $0 + $1.confidence * Double($1.letters) } / Double(language.value)
    return Piece(
      start: 0, end: 0, label: own.max { $0.letters < $1.letters }!.label,
      letters: language.value, confidence: confidence)
  }

  /// ICU's sentence boundaries inside `range`, as code point ranges covering it.
  private static func sentences(of scalars: [Unicode.Scalar], _ range: Range<Int>)
    -> [Range<Int>]
  {
    // At most two UTF-16 units a scalar; written through the buffer, without a capacity
    // check per unit.
    let units = [UInt16](unsafeUninitializedCapacity: 2 * range.count) { buffer, count in
      count = 0
      for scalar in scalars[range] {
        if scalar.value < 0x10000 {
          buffer[count] = UInt16(truncatingIfNeeded: scalar.value)
          count &+= 1
        } else {
          buffer[count] = UTF16.leadSurrogate(scalar)
          buffer[count &+ 1] = UTF16.trailSurrogate(scalar)
          count &+= 2
        }
      }
    }
    guard let boundaries = try? ICUBreak.boundaries(.sentence, in: units) else { return [range] }
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(boundaries.count - 1)
    var unit = 0
    var scalarIndex = range.lowerBound
    var sentenceStart = range.lowerBound
    scalars.withUnsafeBufferPointer { buffer in
      for boundary in boundaries.dropFirst() {
        while unit < boundary {
          unit &+= buffer[scalarIndex].value < 0x10000 ? 1 : 2
          scalarIndex &+= 1
        }
        ranges.append(sentenceStart..<scalarIndex)
        sentenceStart = scalarIndex
      }
    }
    return ranges
  }
}

extension LanguageSegmenter.Label {
  /// No letters, or no evidence: digits, symbols, URLs.
  static let undetermined = Self(language: "und", script: "Zyyy")
}
