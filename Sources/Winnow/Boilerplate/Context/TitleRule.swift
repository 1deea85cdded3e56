/// The title: the first headline of the block of heading-like lines just above the body.
///
/// Walking up from the body over headlines, bylines, dates and lines the rules dropped, the
/// walk stops at the first line that is neither (a menu item, a sentence): site chrome comes
/// before that block, the title opens it (seeds 000, 002, 003, 004).
struct TitleRule: ContextRule {
  static let id: RuleID = "context.title"
  static let evidence = ContextEvidence.position

  /// Headlines in the block above the body, at most.
  static let maxHeadBlock = 6
  /// Where the title is looked for when no line is running text.
  static let headLinesWithoutBody = 12
  /// A headline has at most this many words.
  static let maxWords = 40
  /// A run of this many Han characters is a headline by itself.
  static let minHanCharacters = 6
  /// A Latin-script headline has this many words, one of them lowercase (not a menu of
  /// capitalized items) ...
  static let minWordsWithLowercase = 4
  /// ... or this many words in any case.
  static let minWords = 6

  /// Marks the title among the lines before `end` and returns its index.
  func apply(to pass: inout ContextPass, before end: Int) -> Int? {
    var title: Int? = nil
    var headlines = 0
    var index = end - 1
    while index >= 0, headlines < Self.maxHeadBlock {
      defer { index -= 1 }
      guard let line = pass.lines[index] else { continue }
      if pass.verdicts[index] != nil { continue }
      guard Self.isTitleLike(line) else { break }
      title = index
      headlines += 1
    }
    guard let title else { return nil }
    pass.verdicts[title] = Verdict(role: .title, rule: Self.id)
    return title
  }

  /// A headline: several words with lowercase ones among them (not a menu of capitalized
  /// items), or a run of Han, and no full stop at the end or between two sentences.
  static func isTitleLike(_ line: LineContext) -> Bool {
    let lastIsStop = line.endsSentence && !line.text.hasSuffix("?") && !line.text.hasSuffix("!")
    guard !lastIsStop, !line.startsWithBullet, line.wordCount <= maxWords,
      !ContextPass.isMenuLike(line), !ContextPass.holdsSentenceEnd(line.text)
    else {
      return false
    }
    if line.cjkCount >= minHanCharacters { return true }
    let latinWords = line.wordCount - line.cjkCount
    return (latinWords >= minWordsWithLowercase && line.lowercaseWords >= 1)
      || latinWords >= minWords
  }
}

/// Later lines that repeat the title, alone or with a site name after a separator
/// ("Ministers agree on a plan | Daily News").
struct DuplicateTitleRule: ContextRule {
  static let id: RuleID = "context.duplicate-title"
  static let evidence = ContextEvidence.position

  /// Tokens a repeat may add after the title (a site name).
  static let maxAddedTokens = 5

  func apply(to pass: inout ContextPass, title: Int) {
    guard let titleTokens = pass.lines[title]?.tokens.map(\.hash) else { return }
    let longest = titleTokens.count + Self.maxAddedTokens
    for index in (title + 1)..<pass.lines.count {
      guard let line = pass.lines[index], pass.isWeak(pass.verdicts[index]),
        line.tokens.count >= titleTokens.count, line.tokens.count <= longest
      else { continue }
      let tokens = line.tokens.map(\.hash)
      let repeats =
        tokens == titleTokens
        || (tokens.count > titleTokens.count
          && Array(tokens.prefix(titleTokens.count)) == titleTokens
          && line.text.unicodeScalars.contains { "|–—-_:".unicodeScalars.contains($0) })
      if repeats {
        pass.verdicts[index] = Verdict(role: .dropped(.duplicateTitle), rule: Self.id)
      }
    }
  }
}

/// Short lines above the title are the site's chrome: name, sections, menu.
struct AboveTitleRule: ContextRule {
  static let id: RuleID = "context.above-title"
  static let evidence = ContextEvidence.position

  /// At most this many words (`boilerplate.context.chrome_max_words`).
  let maxWords: Int

  func apply(to pass: inout ContextPass, title: Int) {
    for index in 0..<title where pass.verdicts[index] == nil {
      guard let line = pass.lines[index], line.wordCount <= maxWords else { continue }
      pass.verdicts[index] = Verdict(role: .dropped(.navigation), rule: Self.id)
    }
  }
}

/// Heading-like lines between the title and the body: subtitles and deck (seed 003).
struct DeckRule: ContextRule {
  static let id: RuleID = "context.deck"
  static let evidence = ContextEvidence.position

  /// A heading has at most this many words ...
  static let maxWords = 40
  /// ... and at least this many, one of them lowercase ...
  static let minWords = 3
  /// ... or this many Han characters.
  static let minHanCharacters = 4

  func apply(to pass: inout ContextPass, title: Int, body: Int) {
    guard body > title + 1 else { return }
    for index in (title + 1)..<body where pass.verdicts[index] == nil {
      guard let line = pass.lines[index], Self.isHeadingLike(line) else { continue }
      pass.verdicts[index] = Verdict(role: .heading, rule: Self.id)
    }
  }

  static func isHeadingLike(_ line: LineContext) -> Bool {
    !line.endsSentence && !line.startsWithBullet && !ContextPass.isMenuLike(line)
      && line.wordCount <= maxWords
      && (line.wordCount >= minWords && line.lowercaseWords >= 1
        || line.cjkCount >= minHanCharacters)
  }
}

/// The title kept as text because nothing else on the page is: as the title alone, the
/// record would be dropped as empty.
struct TitleOnlyRule: ContextRule {
  static let id: RuleID = "context.title-only"
  static let evidence = ContextEvidence.position

  func apply(to pass: inout ContextPass, title: Int) {
    guard !pass.verdicts.contains(where: { $0?.role.isKept ?? false }) else { return }
    pass.verdicts[title] = Verdict(role: .content, rule: Self.id)
  }
}
