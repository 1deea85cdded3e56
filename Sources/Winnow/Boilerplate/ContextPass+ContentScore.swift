/// jusText's context pass: lines no rule claimed, decided by their class and neighbours.
extension ContextPass {
  /// jusText's context pass over the lines no rule claimed: short and near-good lines take
  /// the class of their neighbours; a short line just before running text is a heading.
  mutating func scoreUnclaimedLines() {
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
}
