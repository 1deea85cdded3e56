/// The second pass of the boilerplate stage: revises the rules' context-free verdicts by
/// position, zone and neighbours, and decides the lines no rule claimed.
///
/// In order: timestamps and captions follow their neighbours; the title is found and its
/// repeats dropped; the head of the page (before the title) is chrome; lines no rule claimed
/// are decided by their content score and their neighbours (jusText's context pass); and
/// zone headers below the start of the body ("Related Links", "Kommentare") drop what follows
/// them up to the next block of content (comment zones to the end of the page).
struct ContextPass {
  let lines: [LineContext?]
  let classes: [ContentClass?]
  var verdicts: [Verdict?]
  /// The zone each line opens, if its rule opens one.
  let zoneOpeners: [BoilerplateKind?]
  /// Distance (in characters of `size`) within which a heading must be followed by text.
  let headingReach: Int
  /// Which lines are not blank, to find neighbours without copying line contexts.
  let present: [Bool]

  init(
    lines: [LineContext?], classes: [ContentClass?], verdicts: [Verdict?],
    zoneOpeners: [BoilerplateKind?], headingReach: Int
  ) {
    self.lines = lines
    self.classes = classes
    self.verdicts = verdicts
    self.zoneOpeners = zoneOpeners
    self.headingReach = headingReach
    present = lines.map { $0 != nil }
  }

  /// Lines decided by their content score and neighbours alone.
  static let scoreRule: RuleID = "builtin.content-score"
  /// Lines dropped inside a zone ("Related Links", "Comments").
  static let zoneRule: RuleID = "context.zone"

  /// A short line before running text, without sentence punctuation, of this many words at
  /// most, is a heading.
  static let maxHeadingWords = 20
  /// Where the title is looked for when no line is running text.
  static let headLinesWithoutBody = 12
  /// Lines before the title with at most this many words are site chrome.
  static let maxChromeWords = 12

  mutating func run() {
    inheritFromNeighbours()
    let bodyStart = lines.indices.first { verdicts[$0] == nil && classes[$0] == .good }
    let title = findTitle(before: bodyStart ?? min(lines.count, Self.headLinesWithoutBody))
    if let title {
      dropRepeats(of: title)
      markChrome(before: title)
      markDeck(after: title, before: bodyStart ?? title)
    }
    scoreUnclaimedLines()
    applyZones(from: bodyStart ?? lines.count)
    if let title, !verdicts.contains(where: { $0?.role.isKept ?? false }) {
      // The one readable line of a page stays its text: as the title alone, the record
      // would be dropped as empty.
      verdicts[title] = Verdict(role: .content, rule: Self.titleOnlyRule)
    }
  }

  /// The title kept as text because nothing else on the page is.
  static let titleOnlyRule: RuleID = "context.title-only"

  // MARK: - Neighbours

  /// A timestamp under a teaser belongs to the teaser; a short line right under an image
  /// file name is that image's caption (seed 000 lines 27-33, seed 004 line 4).
  private mutating func inheritFromNeighbours() {
    for index in lines.indices {
      guard let verdict = verdicts[index] else { continue }
      if verdict.role == .date, let previous = previousLine(before: index),
        verdicts[previous]?.role == .dropped(.relatedLinks)
      {
        verdicts[index] = Verdict(role: .dropped(.relatedLinks), rule: "context.teaser-time")
      }
      if verdict.rule == ImageFileNameRule().id, let next = nextLine(after: index),
        verdicts[next] == nil, let line = lines[next], line.wordCount <= 20, !line.endsSentence
      {
        verdicts[next] = Verdict(role: .dropped(.imageCaption), rule: "context.image-caption")
      }
    }
  }

  // MARK: - Title

  /// The title: the first headline of the block of heading-like lines just above the body.
  ///
  /// Walking up from the body over headlines, bylines, dates and lines the rules dropped,
  /// the walk stops at the first line that is neither (a menu item, a sentence): site chrome
  /// comes before that block, the title opens it (seeds 000, 002, 003, 004).
  private mutating func findTitle(before end: Int) -> Int? {
    var title: Int? = nil
    var headlines = 0
    var index = end - 1
    while index >= 0, headlines < Self.maxHeadBlock {
      defer { index -= 1 }
      guard let line = lines[index] else { continue }
      if verdicts[index] != nil { continue }
      guard Self.isTitleLike(line) else { break }
      title = index
      headlines += 1
    }
    guard let title else { return nil }
    verdicts[title] = Verdict(role: .title, rule: "context.title")
    return title
  }

  /// Headlines in the block above the body, at most.
  static let maxHeadBlock = 6

  /// A headline: several words with lowercase ones among them (not a menu of capitalized
  /// items), or a run of Han, and no full stop at the end or between two sentences.
  static func isTitleLike(_ line: LineContext) -> Bool {
    let lastIsStop = line.endsSentence && !line.text.hasSuffix("?") && !line.text.hasSuffix("!")
    guard !lastIsStop, !line.startsWithBullet, line.wordCount <= 40, !isMenuLike(line),
      !holdsSentenceEnd(line.text)
    else {
      return false
    }
    if line.cjkCount >= 6 { return true }
    let latinWords = line.wordCount - line.cjkCount
    return (latinWords >= 4 && line.lowercaseWords >= 1) || latinWords >= 6
  }

  /// "... so far. Deep fake ...": a full stop after a lowercase word of three letters or
  /// more, then a space and a capital. Abbreviations ("U.S. Defense", "Mr. Austin") have
  /// capitals or one letter before their stops.
  static func holdsSentenceEnd(_ text: Substring) -> Bool {
    var lowercaseRun = 0
    var afterStop = 0
    for scalar in text.unicodeScalars {
      if afterStop == 1 {
        afterStop = scalar == " " ? 2 : 0
      } else if afterStop == 2 {
        if scalar.properties.isUppercase { return true }
        afterStop = 0
      }
      if scalar == "." && lowercaseRun >= 3 { afterStop = 1 }
      lowercaseRun = scalar.properties.isLowercase ? lowercaseRun + 1 : 0
    }
    return false
  }

  /// Later lines that repeat the title, alone or with a site name after a separator.
  private mutating func dropRepeats(of title: Int) {
    guard let titleTokens = lines[title]?.tokens.map(\.hash) else { return }
    for index in (title + 1)..<lines.count {
      guard let line = lines[index], isWeak(verdicts[index]),
        line.tokens.count >= titleTokens.count, line.tokens.count <= titleTokens.count + 5
      else { continue }
      let tokens = line.tokens.map(\.hash)
      let repeats =
        tokens == titleTokens
        || (tokens.count > titleTokens.count && tokens.count <= titleTokens.count + 5
          && Array(tokens.prefix(titleTokens.count)) == titleTokens
          && line.text.unicodeScalars.contains { "|–—-_:".unicodeScalars.contains($0) })
      if repeats {
        verdicts[index] = Verdict(role: .dropped(.duplicateTitle), rule: "context.duplicate-title")
      }
    }
  }

  /// Short lines above the title are the site's chrome: name, sections, menu.
  private mutating func markChrome(before title: Int) {
    for index in 0..<title where verdicts[index] == nil {
      guard let line = lines[index], line.wordCount <= Self.maxChromeWords else { continue }
      verdicts[index] = Verdict(role: .dropped(.navigation), rule: "context.above-title")
    }
  }

  /// Heading-like lines between the title and the body: subtitles and deck (seed 003).
  private mutating func markDeck(after title: Int, before body: Int) {
    guard body > title + 1 else { return }
    for index in (title + 1)..<body where verdicts[index] == nil {
      guard let line = lines[index], Self.isHeadingLike(line) else { continue }
      verdicts[index] = Verdict(role: .heading, rule: "context.deck")
    }
  }

  /// Items joined by separators: "« Older | Main | Newer »".
  static func isMenuLike(_ line: LineContext) -> Bool {
    var separators = 0
    for scalar in line.text.unicodeScalars where scalar == "|" || scalar == "«" || scalar == "»" {
      separators += 1
    }
    return separators >= 2
  }

  static func isHeadingLike(_ line: LineContext) -> Bool {
    !line.endsSentence && !line.startsWithBullet && !isMenuLike(line) && line.wordCount <= 40
      && (line.wordCount >= 3 && line.lowercaseWords >= 1 || line.cjkCount >= 4)
  }

  // MARK: - Content score with neighbours

  /// jusText's context pass over the lines no rule claimed: short and near-good lines take
  /// the class of their neighbours; a short line just before running text is a heading.
  private mutating func scoreUnclaimedLines() {
    var effective: [ContentClass?] = lines.indices.map { index in
      guard present[index] else { return nil }
      guard let verdict = verdicts[index] else { return classes[index] }
      if case .dropped = verdict.role { return .bad }
      return nil
    }
    var headings = Array(repeating: false, count: lines.count)
    for index in lines.indices where verdicts[index] == nil && effective[index] != .good {
      guard let line = lines[index], !line.endsSentence,
        line.wordCount <= Self.maxHeadingWords, line.wordCount >= 3 || line.cjkCount >= 4,
        followedByText(index)
      else { continue }
      headings[index] = true
      effective[index] = .nearGood
    }
    var resolved = resolve(effective)
    if !resolved.contains(true) && !verdicts.contains(where: { $0?.role.isKept ?? false }) {
      keepSentencesOfPageWithoutArticle(&resolved)
    }
    for index in lines.indices where verdicts[index] == nil {
      guard let line = lines[index], let keep = resolved[index] else { continue }
      if keep || headings[index] {
        let heading = headings[index] || (!line.endsSentence && classes[index] != .good)
        verdicts[index] = Verdict(
          role: heading ? .heading : .content, rule: Self.scoreRule)
      } else {
        let kind: BoilerplateKind = line.wordCount <= Self.maxChromeWords ? .navigation : .junk
        verdicts[index] = Verdict(role: .dropped(kind), rule: Self.scoreRule)
      }
    }
  }

  /// A page with no article text to anchor on (a short note, a one-paragraph post, a
  /// paragraph cut off mid-sentence) would lose everything, since the page's edges count as
  /// boilerplate; there, lines that no rule claimed and that read as sentences stand on their
  /// own.
  private func keepSentencesOfPageWithoutArticle(_ resolved: inout [Bool?]) {
    for index in lines.indices where verdicts[index] == nil {
      guard let line = lines[index], line.endsSentence || Self.holdsSentenceEnd(line.text),
        line.wordCount >= 3 || line.cjkCount >= 6
      else { continue }
      resolved[index] = true
    }
  }

  /// True when running text (a good line) comes within `headingReach` after `index`.
  private func followedByText(_ index: Int) -> Bool {
    var distance = 0
    var next = index + 1
    while next < lines.count, distance <= headingReach {
      if let line = lines[next] {
        if classes[next] == .good && verdicts[next] == nil { return true }
        if case .dropped = verdicts[next]?.role { return false }
        distance += line.size
      }
      next += 1
    }
    return false
  }

  /// Final keep (true) or drop for each classed line; the page's edges count as bad.
  private func resolve(_ classes: [ContentClass?]) -> [Bool?] {
    let count = classes.count
    // Nearest class before and after each line, skipping short lines (and near-good ones
    // in the `Decided` arrays): computed in two linear sweeps so long runs of short lines
    // cost no more than short ones.
    var before = Array(repeating: ContentClass.bad, count: count)
    var beforeDecided = before
    var after = before
    var afterDecided = before
    var last = ContentClass.bad
    var lastDecided = ContentClass.bad
    for index in 0..<count {
      before[index] = last
      beforeDecided[index] = lastDecided
      if let found = classes[index], found != .short {
        last = found
        if found != .nearGood { lastDecided = found }
      }
    }
    last = .bad
    lastDecided = .bad
    for index in stride(from: count - 1, through: 0, by: -1) {
      after[index] = last
      afterDecided[index] = lastDecided
      if let found = classes[index], found != .short {
        last = found
        if found != .nearGood { lastDecided = found }
      }
    }
    var firstRound = classes
    for index in 0..<count where classes[index] == .short {
      let previous = beforeDecided[index]
      let next = afterDecided[index]
      if previous == .good && next == .good {
        firstRound[index] = .good
      } else if previous == .bad && next == .bad {
        firstRound[index] = .bad
      } else if (previous == .bad && before[index] == .nearGood)
        || (next == .bad && after[index] == .nearGood)
      {
        firstRound[index] = .good
      } else {
        firstRound[index] = .bad
      }
    }
    // Near-good lines: bad only between bad neighbours (after the first round).
    var previousFirm = Array(repeating: ContentClass.bad, count: count)
    var nextFirm = previousFirm
    var firm = ContentClass.bad
    for index in 0..<count {
      previousFirm[index] = firm
      if let found = firstRound[index], found == .good || found == .bad { firm = found }
    }
    firm = .bad
    for index in stride(from: count - 1, through: 0, by: -1) {
      nextFirm[index] = firm
      if let found = firstRound[index], found == .good || found == .bad { firm = found }
    }
    return (0..<count).map { index in
      switch firstRound[index] {
      case .none: nil
      case .good: true
      case .bad, .short: false
      case .nearGood: !(previousFirm[index] == .bad && nextFirm[index] == .bad)
      }
    }
  }

  // MARK: - Zones

  /// A zone header drops what follows it, up to the next block of content: two lines of
  /// running text in a row. A comment zone runs to the end of the page, since comments are
  /// running text themselves. Lines with a boilerplate kind of their own keep it.
  private mutating func applyZones(from bodyStart: Int) {
    var zone: BoilerplateKind? = nil
    for index in lines.indices where present[index] {
      if let opened = zoneOpeners[index], index >= bodyStart {
        // "Comments:" over "1664" is a counter's label in a stats block, not a section.
        let labelsCounter = nextLine(after: index).map {
          verdicts[$0]?.role == .dropped(.counter)
        }
        if labelsCounter != true { zone = opened }
        continue
      }
      guard let kind = zone else { continue }
      if kind != .commentWidget, classes[index] == .good, isWeak(verdicts[index]),
        let next = nextLine(after: index),
        classes[next] == .good, isWeak(verdicts[next])
      {
        zone = nil
        continue
      }
      if isWeak(verdicts[index]) {
        verdicts[index] = Verdict(role: .dropped(kind), rule: Self.zoneRule)
      }
    }
  }

  /// A verdict that position and neighbours may overrule: none, kept text, meta, or a drop
  /// by the content score alone.
  private func isWeak(_ verdict: Verdict?) -> Bool {
    guard let verdict else { return true }
    switch verdict.role {
    case .content, .heading, .byline, .date: return true
    case .title: return false
    case .dropped: return verdict.rule == Self.scoreRule
    }
  }

  private func previousLine(before index: Int) -> Int? {
    (0..<index).last { present[$0] }
  }

  private func nextLine(after index: Int) -> Int? {
    ((index + 1)..<lines.count).first { present[$0] }
  }
}
