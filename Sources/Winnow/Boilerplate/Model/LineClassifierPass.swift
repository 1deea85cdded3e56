/// The third pass of the boilerplate stage: the learned `LineClassifier` revisits the
/// verdicts of the rules and the context pass that it may overrule, and flips those it is
/// sure of. Its drops keep a kind (`navigation` for short lines, `junk` for long ones), and
/// both its drops and its keeps carry `rule` and its probability as their score.
///
/// It learnt from web pages with chrome around an article; on a page of a few lines (a note,
/// a test) it stays out. It revises the rules rather than overturning them: its drops are
/// made only when they leave a kept line and at least half of the tokens the rules kept (a
/// page whose article is one long line among headings and comments keeps that line).
struct LineClassifierPass {
  static let rule: RuleID = "model.line-classifier"
  /// Pages with fewer non-blank lines are left to the rules.
  static let minimumLines = 5
  /// The drops may take at most 1 / `droppedShareInverse` of the kept tokens of a page.
  static let droppedShareInverse = 2

  let model: LineClassifier

  func run(
    on verdicts: inout [Verdict?], lines: [LineContext?], classes: [ContentClass?],
    language: PageLanguage
  ) {
    var present = 0
    for line in lines where line != nil { present += 1 }
    guard present >= Self.minimumLines else { return }
    let page = LineFeatures(
      lines: lines, classes: classes, groups: verdicts.map(VerdictGroup.init),
      language: language)
    // Every line is judged on the verdicts as the rules left them; the probabilities of the
    // lines to flip are noted, and the flips applied after (the drops only when they leave
    // enough of what the rules kept).
    var probabilities = [Double](repeating: .nan, count: page.summaries.count)
    var kept = 0
    var keptTokens = 0
    var drops = 0
    var droppedTokens = 0
    var keeps = 0
    withUnsafeTemporaryAllocation(of: Float.self, capacity: LineFeatures.count) { row in
      for (rank, summary) in page.summaries.enumerated() {
        let tokens = summary.kept ? lines[Int(summary.index)]!.tokens.count : 0
        if summary.kept {
          kept += 1
          keptTokens += tokens
        }
        guard model.judges[summary.group.rawValue] else { continue }
        page.write(rank: rank, into: row)
        let text = model.probability(UnsafeBufferPointer(row))
        if summary.kept, text < model.dropBelow {
          drops += 1
          droppedTokens += tokens
        } else if !summary.kept, text > model.keepAbove {
          keeps += 1
        } else {
          continue
        }
        probabilities[rank] = text
      }
    }
    let dropping =
      (keeps > 0 || drops < kept) && droppedTokens * Self.droppedShareInverse <= keptTokens
    for (rank, summary) in page.summaries.enumerated() where !probabilities[rank].isNaN {
      let text = probabilities[rank]
      let index = Int(summary.index)
      let line = lines[index]!
      if summary.kept {
        guard dropping else { continue }
        let kind: BoilerplateKind =
          line.wordCount <= ContextPass.maxChromeWords ? .navigation : .junk
        verdicts[index] = Verdict(role: .dropped(kind), rule: Self.rule, score: 1 - text)
      } else {
        let heading = !line.endsSentence && line.wordCount <= ContextPass.maxHeadingWords
        verdicts[index] = Verdict(role: heading ? .heading : .content, rule: Self.rule, score: text)
      }
    }
  }
}
