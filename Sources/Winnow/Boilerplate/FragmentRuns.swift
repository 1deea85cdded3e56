/// Runs of lines that are fragments of one sentence. A naive scraper writes each text node on
/// its own line, so a link or an emphasis inside a sentence splits it: "On the" / "Help" /
/// "menu, click" / "Learn Rhino" / ", and then click". Alone, each fragment looks like a menu
/// item and the content score drops it (documentation pages lost 0.155 F1 against the block
/// rendering this way, `cases_naive/`); joined, the run is the sentence a block rendering
/// has on one line. The boilerplate stage judges each run as one line and gives its verdict
/// to every fragment, so each dropped fragment still carries the run's rule.
///
/// Two lines in a row (no blank line between) join when the second cannot start a text of
/// its own or the first cannot end one, and the first is no label (ends with ":"):
/// - the second starts with a mark that continues a sentence (", and then click", ".", "’s",
///   "，"), or
/// - the first ends with an opening bracket or quote or a comma ("Starting in 1996,"), or
///   with a word after which no sentence ends ("On the": `continuing_words` in the lexicons;
///   in lower case: "AU" in "Brisbane, AU" is no preposition), or
/// - the second starts with a lower-case letter and the first ends no sentence, no statement
///   (";", "{") and no number ("10:59:47" over a poster's name), unless the second starts a
///   byline ("by AFP Staff Writers", `byline_prefix`). (Asking the second for two words or
///   more, so that menus of single lower-case words stay apart, lost more than it saved:
///   scrapinghub 0.021, listing pages 0.034.)
/// A line that starts with a list bullet ("* Travel", "o All Hiking") joins nothing above it.
/// No line joins on a page that separates its blocks by blank lines (one blank line per
/// `minLinesPerBlank` lines or more): there, lines in a row are a block's lines (list items,
/// table rows, "+ Household" / "o Getting a Home"), not fragments, and joining them cost the
/// block rendering's collection pages 0.054.
struct FragmentRuns {
  /// The page lines of each run, in order; every page line is in exactly one.
  let runs: [Range<Int>]
  /// The run of each page line.
  let runOfLine: [Int]
  /// Each run's text: its lines joined by a space (a lone line's text as it is).
  let texts: [String]

  /// Fragments joined into one run at most: a run is judged as one line, and a page of
  /// nothing but joinable lines (a hard-wrapped text without blank lines) should not become
  /// one line whose verdict decides the whole page.
  static let maxFragments = 64

  /// A page with a blank line per this many lines or more separates its blocks by them.
  static let minLinesPerBlank = 10

  init(lines texts: [String], lexicons: Lexicons) {
    let blanks = texts.count { Line.isBlank($0) }
    guard blanks * Self.minLinesPerBlank < texts.count else {
      self.init(runs: texts.indices.map { $0..<($0 + 1) }, texts: texts)
      return
    }
    let edges = texts.map { FragmentEdges($0, continuingWords: lexicons.continuingWords) }
    var runs: [Range<Int>] = []
    var start = 0
    for index in texts.indices.dropFirst() {
      let joins =
        index - start < Self.maxFragments
        && Self.continues(edges[index - 1], with: edges[index], lexicons: lexicons)
      if !joins {
        runs.append(start..<index)
        start = index
      }
    }
    if start < texts.count { runs.append(start..<texts.count) }
    self.init(runs: runs, texts: texts)
  }

  private init(runs: [Range<Int>], texts: [String]) {
    var runOfLine = [Int](repeating: 0, count: texts.count)
    for (run, lines) in runs.enumerated() { for line in lines { runOfLine[line] = run } }
    self.runs = runs
    self.runOfLine = runOfLine
    self.texts =
      runs.count == texts.count
      ? texts : runs.map { $0.count == 1 ? texts[$0.lowerBound] : Self.joined(texts[$0]) }
  }

  /// Whether a run holds more than one line anywhere on the page.
  var joinsAny: Bool { runs.count != runOfLine.count }

  /// Spreads values found per run (verdicts, classes) to every line of each run.
  func spread<Value>(_ values: [Value]) -> [Value] {
    guard joinsAny else { return values }
    return runOfLine.map { values[$0] }
  }

  /// Whether `next` continues the text that `first` ends.
  static func continues(
    _ first: FragmentEdges, with next: FragmentEdges, lexicons: Lexicons
  ) -> Bool {
    // A list item starts an item of its own, whatever the line before it.
    // A label ends its line ("Collection:", "mpan wrote:"): what follows is its value or the
    // quote it introduces ("... even something as simple"), a line of its own.
    guard let last = first.last, let head = next.first, !next.startsListItem, last != ":" else {
      return false
    }
    if continuationMarks.contains(head.value) { return true }
    if openingMarks.contains(last.value) { return true }
    // A word with a capital is a name or an abbreviation ("From: Brisbane, AU" over
    // "Registered: 2007-06-09"), not the article or preposition it spells.
    if first.endsWithContinuingWord { return true }
    // "by AFP Staff Writers" under a headline is its byline, not the headline's tail.
    let byline = next.firstWord.map(lexicons.bylineStarts.contains) ?? false
    // A line that ends in a number is a field of its own (a time, a date, a count): the
    // time "2024-08-03 10:59:47" over the poster "archuser38013" in a forum post's header.
    // After a semicolon or an opening brace, a line in lower case is the next statement of a
    // script ("var _rsCI='us-forbes';" / "var _rsCG=1;") more often than a clause of prose.
    return head.properties.isLowercase && !sentenceEnds.contains(last.value)
      && last != ";" && last != "{" && last.properties.numericType == nil && !byline
  }

  /// Marks that continue the sentence before them: closing punctuation and brackets.
  /// (No braces: "{" and "}" end and start lines of code, which are no sentence's fragments.)
  static let continuationMarks: Set<UInt32> = Set(
    ",.;:)]!?%”’、，。；：）」』】！？".unicodeScalars.map(\.value))
  /// Marks after which the sentence goes on: opening brackets and quotes, the comma.
  static let openingMarks: Set<UInt32> = Set("([“‘„«,，、".unicodeScalars.map(\.value))
  /// Marks that end a sentence (or close a quote or bracket that may end one).
  static let sentenceEnds: Set<UInt32> = Set(".!?…。！？\"”’)»".unicodeScalars.map(\.value))

  private static func joined(_ lines: ArraySlice<String>) -> String {
    var text = ""
    for line in lines {
      if !text.isEmpty { text += " " }
      text += line
    }
    return text
  }
}

/// What `FragmentRuns` reads of a line: its first and last characters other than white
/// space, whether it starts a list item, whether its last word is a continuing word, and the
/// hash of its first word (when it starts in lower case).
struct FragmentEdges {
  var first: Unicode.Scalar? = nil
  var last: Unicode.Scalar? = nil
  /// The last word is one of `continuing_words`, in lower case ("On the"; "AU" in "Brisbane,
  /// AU" is a name, not the preposition it spells).
  var endsWithContinuingWord = false
  var firstWord: UInt64? = nil
  /// Starts with a list bullet (`LineContext.isBullet`), or with "+ " or "o ", the markers
  /// of a second and third list level ("+ Hiking" / "o All Hiking").
  var startsListItem = false

  init(_ text: String, continuingWords: Set<UInt64>) {
    let scalars = text.unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.isSpace }),
      let end = scalars.lastIndex(where: { !$0.isSpace })
    else { return }
    first = scalars[start]
    last = scalars[end]
    let second = scalars.index(after: start)
    startsListItem =
      LineContext.isBullet(scalars[start])
      || ((scalars[start] == "+" || scalars[start] == "o") && second < scalars.endIndex
        && scalars[second].isSpace)
    // Back from the end to the last space only: the line's own tokens come later, once,
    // from the run it ends up in.
    var wordStart = end
    while wordStart > start {
      let before = scalars.index(before: wordStart)
      if scalars[before].isSpace { break }
      wordStart = before
    }
    // The capital is looked for only in a continuing word: a line of a script without
    // spaces is one long "word".
    if let lastWord = Token.split(Substring(scalars[wordStart...end])).last?.hash,
      continuingWords.contains(lastWord)
    {
      endsWithContinuingWord = !scalars[wordStart...end].contains { $0.properties.isUppercase }
    }
    guard first?.properties.isLowercase == true else { return }
    let wordEnd = scalars[start...end].firstIndex { $0.isSpace } ?? end
    firstWord = Token.split(Substring(scalars[start..<wordEnd])).first?.hash
  }
}
