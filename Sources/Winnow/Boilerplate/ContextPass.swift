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

  func previousLine(before index: Int) -> Int? {
    (0..<index).last { present[$0] }
  }

  func nextLine(after index: Int) -> Int? {
    ((index + 1)..<lines.count).first { present[$0] }
  }
}
