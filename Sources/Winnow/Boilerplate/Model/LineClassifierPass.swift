/// The third pass of the boilerplate stage: the learned `LineClassifier` revisits the
/// verdicts of the rules and the context pass that it may overrule, and flips those it is
/// sure of. Its drops keep a kind (`navigation` for short lines, `junk` for long ones), and
/// both its drops and its keeps carry `rule` and its probability as their score.
///
/// It learnt from web pages with chrome around an article; on a page of a few lines (a note,
/// a test) it stays out, and it never takes the last kept line of a page.
struct LineClassifierPass {
  static let rule: RuleID = "model.line-classifier"
  /// Pages with fewer non-blank lines are left to the rules.
  static let minimumLines = 5

  let model: LineClassifier

  func run(
    on verdicts: inout [Verdict?], lines: [LineContext?], classes: [ContentClass?],
    language: PageLanguage
  ) {
    guard lines.lazy.filter({ $0 != nil }).count >= Self.minimumLines else { return }
    let before = verdicts
    let rows = LineFeatures.rows(
      lines: lines, classes: classes, verdicts: verdicts, language: language
    ) { model.judges[$0.rawValue] }
    let width = LineFeatures.count
    for index in lines.indices {
      guard let line = lines[index] else { continue }
      let group = VerdictGroup(verdicts[index])
      guard model.judges[group.rawValue] else { continue }
      let mayDrop = group.isKept
      let text = rows.withUnsafeBufferPointer {
        model.probability(
          UnsafeBufferPointer(rebasing: $0[(index * width)..<((index + 1) * width)]))
      }
      if mayDrop, text < model.dropBelow {
        let kind: BoilerplateKind =
          line.wordCount <= ContextPass.maxChromeWords ? .navigation : .junk
        verdicts[index] = Verdict(role: .dropped(kind), rule: Self.rule, score: 1 - text)
      } else if !mayDrop, text > model.keepAbove {
        let heading = !line.endsSentence && line.wordCount <= ContextPass.maxHeadingWords
        verdicts[index] = Verdict(role: heading ? .heading : .content, rule: Self.rule, score: text)
      }
    }
    if !verdicts.contains(where: { $0?.role.isKept ?? false }) { verdicts = before }
  }
}
