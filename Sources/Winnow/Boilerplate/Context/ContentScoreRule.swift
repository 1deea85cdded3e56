/// jusText's context pass over the lines no rule claimed: short and near-good lines take the
/// class of their neighbours; a short line just before running text is a heading.
struct ContentScoreRule: ContextRule {
  static let id: RuleID = "builtin.content-score"
  static let evidence = ContextEvidence.contentScore

  /// At most this many words, without sentence punctuation, just before running text: a
  /// heading (`boilerplate.context.heading_max_words`).
  let headingMaxWords: Int
  /// A dropped line of at most this many words is navigation, a longer one junk
  /// (`boilerplate.context.chrome_max_words`).
  let chromeMaxWords: Int
  /// A heading has at least this many words, or `headingMinHanCharacters` Han characters.
  static let headingMinWords = 3
  static let headingMinHanCharacters = 4
  /// On a page without article text, a line that reads as a sentence stays with at least this
  /// many words, or `sentenceMinHanCharacters` Han characters.
  static let sentenceMinWords = 3
  static let sentenceMinHanCharacters = 6
  /// Distance (in characters of `size`) within which a heading must be followed by text
  /// (`boilerplate.length_high`).
  let headingReach: Int

  func apply(to pass: inout ContextPass) {
    let lines = pass.lines
    let classes = pass.classes
    var effective: [ContentClass?] = lines.indices.map { index in
      guard pass.present[index] else { return nil }
      guard let verdict = pass.verdicts[index] else { return classes[index] }
      if case .dropped = verdict.role { return .bad }
      return nil
    }
    var headings = Array(repeating: false, count: lines.count)
    for index in lines.indices where pass.verdicts[index] == nil && effective[index] != .good {
      guard let line = lines[index], !line.endsSentence, line.wordCount <= headingMaxWords,
        line.wordCount >= Self.headingMinWords || line.cjkCount >= Self.headingMinHanCharacters,
        followedByText(index, in: pass)
      else { continue }
      headings[index] = true
      effective[index] = .nearGood
    }
    var resolved = Self.resolve(effective)
    if !resolved.contains(true) && !pass.verdicts.contains(where: { $0?.role.isKept ?? false }) {
      keepSentencesOfPageWithoutArticle(&resolved, in: pass)
    }
    for index in lines.indices where pass.verdicts[index] == nil {
      guard let line = lines[index], let keep = resolved[index] else { continue }
      if keep || headings[index] {
        let heading = headings[index] || (!line.endsSentence && classes[index] != .good)
        pass.verdicts[index] = Verdict(role: heading ? .heading : .content, rule: Self.id)
      } else {
        let kind: BoilerplateKind = line.wordCount <= chromeMaxWords ? .navigation : .junk
        pass.verdicts[index] = Verdict(role: .dropped(kind), rule: Self.id)
      }
    }
  }

  /// A page with no article text to anchor on (a short note, a one-paragraph post, a
  /// paragraph cut off mid-sentence) would lose everything, since the page's edges count as
  /// boilerplate; there, lines that no rule claimed and that read as sentences stand on their
  /// own.
  private func keepSentencesOfPageWithoutArticle(
    _ resolved: inout [Bool?], in pass: ContextPass
  ) {
    for index in pass.lines.indices where pass.verdicts[index] == nil {
      guard let line = pass.lines[index],
        line.endsSentence || ContextPass.holdsSentenceEnd(line.text),
        line.wordCount >= Self.sentenceMinWords
          || line.cjkCount >= Self.sentenceMinHanCharacters
      else { continue }
      resolved[index] = true
    }
  }

  /// True when running text (a good line) comes within `headingReach` after `index`.
  private func followedByText(_ index: Int, in pass: ContextPass) -> Bool {
    var distance = 0
    var next = index + 1
    while next < pass.lines.count, distance <= headingReach {
      if let line = pass.lines[next] {
        if pass.classes[next] == .good && pass.verdicts[next] == nil { return true }
        if case .dropped = pass.verdicts[next]?.role { return false }
        distance += line.size
      }
      next += 1
    }
    return false
  }

  /// Final keep (true) or drop for each classed line; the page's edges count as bad.
  private static func resolve(_ classes: [ContentClass?]) -> [Bool?] {
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
}
