/// The reader comments of a page, read off the verdicts the boilerplate stage has made: the
/// prose lines a comment zone dropped (a zone opened by "Comments", "Keri says:", "Re:" or a
/// comment form, see `CommentHeaderRule`), grouped into comments.
///
/// A line of the zone is a comment's prose when no rule saw a cue in it, it is not a list
/// item, and it reads as running text by its content score; a short sentence ("Thanks, that
/// helped!", "写得好！": two words or more, one in lowercase or Han) is prose next to such a
/// line only. Alone, short sentences are as often the comment form's
/// ("Your email address will not be published.") as a comment. The zone's other lines
/// (commenter names, dates, "Reply", "Permalink", form labels, teaser lists under the
/// comments) stay dropped as they were.
///
/// Comments are told apart by what stands between them: where some line that is not prose
/// (a commenter line, a name, a date, a Reply button) lies between two prose lines, such
/// lines separate comments and a comment's paragraphs stay together; where none does, blank
/// lines separate them; where there are neither, each line is a comment.
struct ReaderComments {
  /// The indices of each comment's lines, in page order.
  let comments: [[Int]]

  /// The rule of a comment's line kept in the text (`boilerplate.comments: keep`).
  static let keepRule: RuleID = "context.comment-kept"

  /// What lies between two prose lines of the zone.
  private enum Gap: Comparable {
    case none, blank, other
  }

  /// How a line of the page reads as a comment's prose.
  private enum Reading {
    case notProse, shortSentence, runningText
  }

  /// `ruleVerdicts` are the built-in rules' verdicts, before the context pass; `verdicts`
  /// are the stage's final ones.
  init(
    lines: [LineContext?], classes: [ContentClass?], ruleVerdicts: [Verdict?],
    verdicts: [Verdict?]
  ) {
    let readings = lines.indices.map { index in
      lines[index].map {
        Self.reading(
          $0, class: classes[index], ruleVerdict: ruleVerdicts[index], verdict: verdicts[index])
      } ?? .notProse
    }
    let present = lines.indices.filter { lines[$0] != nil }
    var prose: [Int] = []
    var gaps: [Gap] = []
    var gap = Gap.none
    var previous: Int? = nil
    for (position, index) in present.enumerated() {
      if let previous, previous + 1 < index { gap = max(gap, .blank) }
      previous = index
      let isProse: Bool
      switch readings[index] {
      case .runningText: isProse = true
      case .notProse: isProse = false
      case .shortSentence:
        let neighbours = [position - 1, position + 1].filter(present.indices.contains)
        isProse = neighbours.contains { readings[present[$0]] == .runningText }
      }
      guard isProse else {
        gap = .other
        continue
      }
      if !prose.isEmpty { gaps.append(gap) }
      prose.append(index)
      gap = .none
    }
    var comments: [[Int]] = []
    let separator = gaps.max() ?? .none
    for (position, index) in prose.enumerated() {
      if position == 0 || gaps[position - 1] == separator {
        comments.append([index])
      } else {
        comments[comments.count - 1].append(index)
      }
    }
    self.comments = comments
  }

  /// Every comment line, in page order.
  var lineIndices: [Int] { comments.flatMap { $0 } }

  /// How a line reads: only lines a comment zone dropped that no rule claimed can be prose.
  private static func reading(
    _ line: LineContext, class lineClass: ContentClass?, ruleVerdict: Verdict?,
    verdict: Verdict?
  ) -> Reading {
    guard ruleVerdict == nil, !line.startsWithBullet, let verdict,
      verdict.rule == ZoneRule.id, verdict.role == .dropped(.commentWidget)
    else { return .notProse }
    switch lineClass {
    case .good, .nearGood: return .runningText
    case .short:
      // "Claire D." ends in a stop too: a sentence has a lowercase word (or is Han or kana).
      let sentence =
        line.endsSentence && !line.endsWithEllipsis && line.wordCount >= 2
        && (line.lowercaseWords > 0 || line.cjkCount >= 2)
      return sentence ? .shortSentence : .notProse
    case .bad, nil: return .notProse
    }
  }
}
