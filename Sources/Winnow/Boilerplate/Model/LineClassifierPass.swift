/// The third pass of the boilerplate stage: the learned `LineClassifier` revisits the
/// verdicts of the rules and the context pass that it may overrule, and flips those it is
/// sure of. Its drops keep a kind (`navigation` for short lines, `junk` for long ones), and
/// both its drops and its keeps carry `rule` and its probability as their score.
struct LineClassifierPass {
  static let rule: RuleID = "model.line-classifier"

  let model: LineClassifier

  func run(
    on verdicts: inout [Verdict?], lines: [LineContext?], classes: [ContentClass?],
    language: PageLanguage
  ) {
    let rows = LineFeatures.rows(
      lines: lines, classes: classes, verdicts: verdicts, language: language)
    let width = LineFeatures.count
    for index in lines.indices {
      guard let line = lines[index] else { continue }
      let group = VerdictGroup(verdicts[index])
      guard model.overrules.contains(group) else { continue }
      let text = model.probability(rows[(index * width)..<((index + 1) * width)])
      if group.isKept, text < model.dropBelow {
        let kind: BoilerplateKind =
          line.wordCount <= ContextPass.maxChromeWords ? .navigation : .junk
        verdicts[index] = Verdict(role: .dropped(kind), rule: Self.rule, score: 1 - text)
      } else if !group.isKept, text > model.keepAbove {
        let heading = !line.endsSentence && line.wordCount <= ContextPass.maxHeadingWords
        verdicts[index] = Verdict(role: heading ? .heading : .content, rule: Self.rule, score: text)
      }
    }
  }
}
