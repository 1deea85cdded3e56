/// A question-and-answer thread (Stack Exchange and its kind): every post, the question and
/// each answer, ends in a comment box of its own ("Add a comment"), each answer opens with
/// its score (a bare number), and every post carries the same action row ("Share", "Improve
/// this answer", "Follow"). The answers are the page's text; the comments under each post
/// are not. So the page is cut into posts at its recurring comment box; in each answer the
/// longest stretch between its action-row lines is the answer's body, and its drops of
/// `restoreTokens` tokens or more by the zone, the content score or the models come back as
/// text under this rule's id; in every post, what follows its last action-row line (the
/// comments under it) goes as comments.
///
/// Why: Q&A threads were the forum pages lost whole (issue 13): called prose, their answers
/// were dropped in the comment zone the first "Add a comment" opens (wcxb-dev-0567, 21
/// answers, F1 0.04), and called forum, the comments under each answer were kept with them
/// (wcxb-dev-2826). A blog's index, where each post ends in its own "Leave a comment", has
/// the recurring box but no scores; an article's comments have neither. Language-independent
/// past the comment-box lexicon: the action row is found as the short lines most posts
/// repeat, numbers folded.
struct QuestionAnswersRule {
  static let id: RuleID = "context.question-answers"
  /// The rule whose drops are the comment boxes.
  static let commentBox = CommentWidgetRule().id

  /// A line this long, in tokens, between two comment boxes makes them two posts' boxes.
  static let postTokens = 8
  /// An answer's score is among this many lines after the box of the post before it.
  static let scoreReach = 3
  /// At least one answer in this many opens with its score (some boxes close a second page
  /// of comments, not an answer).
  static let answersPerScore = 3
  /// An action-row line is this short, in tokens.
  static let chromeTokens = ThreadChromeRule.chromeTokens
  /// A dropped line of the answer's body this long, in tokens, comes back.
  static let restoreTokens = 3

  func apply(to verdicts: inout [Verdict?], lines: [LineContext?]) {
    let boxes = Self.commentBoxes(verdicts, lines: lines)
    guard boxes.count >= 2, Self.answersOpenWithScores(after: boxes, lines: lines) else { return }
    // Post n runs from the line after box n - 1 to box n; what follows the last box is no post.
    let posts = boxes.indices.map { ($0 == 0 ? 0 : boxes[$0 - 1] + 1)..<boxes[$0] }
    let actionRow = Self.actionRow(of: posts, lines: lines)
    guard !actionRow.isEmpty else { return }
    for (number, post) in posts.enumerated() {
      let marks = post.filter { lines[$0].map { Self.isChrome($0, in: actionRow) } ?? false }
      guard let last = marks.last else { continue }
      if number > 0 {
        let body = Self.longestStretch(of: post, between: marks, lines: lines)
        for index in body where Self.isRestorable(verdicts[index]) {
          guard let line = lines[index], line.tokens.count >= Self.restoreTokens else { continue }
          verdicts[index] = Verdict(role: .content, rule: Self.id)
        }
      }
      for index in (last + 1)..<post.upperBound where lines[index] != nil {
        guard verdicts[index].map({ $0.role.isKept }) ?? true else { continue }
        verdicts[index] = Verdict(role: .dropped(.commentWidget), rule: Self.id)
      }
    }
  }

  /// The lines of the page's recurring comment box: the commonest line `builtin.comment-widget`
  /// dropped (numbers folded), each occurrence with a post between it and the one before.
  static func commentBoxes(_ verdicts: [Verdict?], lines: [LineContext?]) -> [Int] {
    var byTemplate: [UInt64: [Int]] = [:]
    for index in lines.indices where verdicts[index]?.rule == commentBox {
      guard let line = lines[index] else { continue }
      byTemplate[ThreadChromeRule.template(line.tokens), default: []].append(index)
    }
    // The commonest; of equals, the one that occurs first, so that the choice is the page's.
    let commonest = byTemplate.values.max {
      ($0.count, $1[0]) < ($1.count, $0[0])
    }
    var boxes: [Int] = []
    for index in commonest ?? [] {
      let previous = boxes.last ?? -1
      let hasPost =
        boxes.isEmpty
        || lines[(previous + 1)..<index].contains { ($0?.tokens.count ?? 0) >= postTokens }
      if hasPost { boxes.append(index) }
    }
    return boxes
  }

  /// Whether enough answers (the posts after the first box) open with their score.
  static func answersOpenWithScores(after boxes: [Int], lines: [LineContext?]) -> Bool {
    let answers = boxes.dropLast()
    let scored = answers.count { box in
      lines[(box + 1)...].lazy.compactMap { $0 }.prefix(scoreReach).contains(where: isScore)
    }
    return scored > 0 && scored * answersPerScore >= answers.count
  }

  /// A score: one or two tokens, each with a digit ("158", "-2", "1.2k").
  static func isScore(_ line: LineContext) -> Bool {
    (1...2).contains(line.tokens.count) && line.tokens.allSatisfy(\.hasDigit)
  }

  /// The short lines (numbers folded) that at least two thirds of the posts, and two or more,
  /// repeat; a line of numbers alone (a score, a counter) is none of them.
  static func actionRow(of posts: [Range<Int>], lines: [LineContext?]) -> Set<UInt64> {
    var postsWith: [UInt64: Int] = [:]
    for post in posts {
      var seen: Set<UInt64> = []
      for index in post {
        guard let line = lines[index], (1...chromeTokens).contains(line.tokens.count),
          !line.tokens.allSatisfy(\.hasDigit)
        else { continue }
        seen.insert(ThreadChromeRule.template(line.tokens))
      }
      for template in seen { postsWith[template, default: 0] += 1 }
    }
    let needed = max(2, (2 * posts.count + 2) / 3)
    return Set(postsWith.filter { $0.value >= needed }.keys)
  }

  static func isChrome(_ line: LineContext, in actionRow: Set<UInt64>) -> Bool {
    (1...chromeTokens).contains(line.tokens.count)
      && !line.tokens.allSatisfy(\.hasDigit)
      && actionRow.contains(ThreadChromeRule.template(line.tokens))
  }

  /// Of the stretches before the post's first action-row line and between two of them, the
  /// one with the most tokens: the post's body (its comments follow the last one).
  static func longestStretch(of post: Range<Int>, between marks: [Int], lines: [LineContext?])
    -> Range<Int>
  {
    var stretches = [post.lowerBound..<marks[0]]
    for (from, to) in zip(marks, marks.dropFirst()) { stretches.append((from + 1)..<to) }
    func tokens(_ stretch: Range<Int>) -> Int {
      stretch.reduce(0) { $0 + (lines[$1]?.tokens.count ?? 0) }
    }
    // The first of equals, as the stretches come; each stretch counted once, so a post of
    // many action rows stays linear.
    var best = stretches[0]
    var bestTokens = tokens(best)
    for stretch in stretches.dropFirst() {
      let count = tokens(stretch)
      if count > bestTokens { (best, bestTokens) = (stretch, count) }
    }
    return best
  }

  /// A drop the answer's body may take back: the comment zone's, the content score's, the
  /// line models' (not a line rule's: a counter or a "Share" button stays dropped).
  static func isRestorable(_ verdict: Verdict?) -> Bool {
    guard let verdict, case .dropped = verdict.role else { return false }
    return verdict.rule == ZoneRule.id || verdict.rule == ContentScoreRule.id
      || verdict.rule == LineClassifierPass.rule
      || PageType.allCases.contains { $0.rule == verdict.rule }
  }
}
