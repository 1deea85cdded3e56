/// The title of the page, its repeats, the chrome above it and the deck below it.
extension ContextPass {
  /// The title: the first headline of the block of heading-like lines just above the body.
  ///
  /// Walking up from the body over headlines, bylines, dates and lines the rules dropped,
  /// the walk stops at the first line that is neither (a menu item, a sentence): site chrome
  /// comes before that block, the title opens it (seeds 000, 002, 003, 004).
  mutating func findTitle(before end: Int) -> Int? {
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
  mutating func dropRepeats(of title: Int) {
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
  mutating func markChrome(before title: Int) {
    for index in 0..<title where verdicts[index] == nil {
      guard let line = lines[index], line.wordCount <= Self.maxChromeWords else { continue }
      verdicts[index] = Verdict(role: .dropped(.navigation), rule: "context.above-title")
    }
  }

  /// Heading-like lines between the title and the body: subtitles and deck (seed 003).
  mutating func markDeck(after title: Int, before body: Int) {
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
}
