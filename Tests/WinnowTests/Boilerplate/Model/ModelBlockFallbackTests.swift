import Foundation
import Testing

@testable import Winnow

/// The model-block fallback: when it fires, what comes back, and the run it is built on.
@Suite struct ModelBlockFallbackTests {
  @Test func maximumSumRunIsTheFirstRunWithTheLargestSum() {
    let weights: [Double] = [-1, 2, -1, 3, -5, 4, -2, 1]
    #expect(MaximumSumRun.of(weights.count) { weights[$0] } == 1...3)
    #expect(MaximumSumRun.of(3) { _ in -1 } == nil)
    let ties: [Double] = [2, -5, 2]
    #expect(MaximumSumRun.of(ties.count) { ties[$0] } == 0...0)
  }

  /// A page that keeps one short line while three paragraphs the model finds likely text
  /// were dropped: they come back; the unlikely line inside the run and the chrome around it
  /// do not.
  @Test func bringsBackTheLikelyLinesOfTheBlockWhenThePageKeepsAlmostNothing() {
    let tokens = [3, 40, 40, 2, 40, 6]
    let kept = [true, false, false, false, false, false]
    let text = [0.9, 0.8, 0.7, 0.1, 0.6, 0.05]
    #expect(ModelBlockFallback.restores(tokens: tokens, kept: kept, text: text) == [1, 2, 4])
  }

  @Test func staysOutWhenThePageKeepsAFifthOfTheBlock() {
    let tokens = [30, 40, 40, 40]
    let text = [0.9, 0.8, 0.7, 0.6]
    // 30 kept tokens of a 150-token block: more than a fifth.
    #expect(
      ModelBlockFallback.restores(tokens: tokens, kept: [true, false, false, false], text: text)
        .isEmpty)
    #expect(!ModelBlockFallback.mayFire(keptTokens: 30, pageTokens: 150))
  }

  @Test func staysOutWhenTheBlockIsSmall() {
    // 45 tokens of likely text are not enough to overrule the page's verdicts.
    let restores = ModelBlockFallback.restores(
      tokens: [20, 25, 5], kept: [false, false, false], text: [0.9, 0.9, 0.1])
    #expect(restores.isEmpty)
    #expect(!ModelBlockFallback.mayFire(keptTokens: 0, pageTokens: 45))
  }

  /// The title, bylines and dates (no probability) weigh nothing and never come back.
  @Test func linesWithoutAProbabilityNeitherCountNorComeBack() {
    let restores = ModelBlockFallback.restores(
      tokens: [30, 40, 40], kept: [false, false, false], text: [.nan, 0.9, 0.8])
    #expect(restores == [1, 2])
  }

  /// Through the pass: every line dropped by its position (a group the stump's policy does
  /// not judge), the sentences come back with the fallback's rule and score, the record
  /// says so, and the chrome stays dropped.
  @Test func thePassBringsBackTheBlockTheRulesDroppedAndSaysSo() throws {
    let sentence = LineClassifierPassTests.sentence
    let lines: [LineContext?] = ["Home", sentence, sentence, sentence, "News"].map {
      LineContext($0, lexicons: Lexicons.builtIn)
    }
    var verdicts: [Verdict?] = lines.map { _ in
      Verdict(role: .dropped(.navigation), rule: AboveTitleRule.id)
    }
    let model = try LineClassifier(text: LineClassifierTests.stump())
    let outcome = LineClassifierPass(model: model, context: DefaultBoilerplate.settings.context)
      .run(
        on: &verdicts, lines: lines, classes: lines.map { _ in .nearGood },
        language: PageLanguage(lines: lines, lexicons: Lexicons.builtIn))
    #expect(outcome.fallback)
    #expect(verdicts.map { $0?.role.isKept } == [false, true, true, true, false])
    #expect(verdicts[1]?.rule == ModelBlockFallback.rule)
    #expect(verdicts[1]?.role == .content)
    #expect(abs((verdicts[1]?.score ?? 0) - 1 / (1 + exp(-2.5))) < 1e-9)
    #expect(verdicts[0]?.rule == AboveTitleRule.id)
  }
}
