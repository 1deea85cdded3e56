/// The decider's second safety net, for the pages the rules lose themselves: when the page's
/// text after every decision holds less than a fifth of the tokens of its *model block* (the
/// run of lines whose tokens, weighed by the line model's probability of text less
/// `centre`, sum highest), and that block holds at least `minimumTokens`, the block's dropped
/// lines the model finds more likely text than `centre` come back.
///
/// Why: the first fallback (`LineClassifierPass`) guards the rules' main block against the
/// model, so it never fires where the rules dropped the article themselves (a content score
/// that read a page's prose as chrome, a zone opened above it). There the model, which reads
/// the rules' verdicts among its features, rarely clears the policy's `keep_above`, but it
/// still ranks the lost paragraphs above the chrome around them.
struct ModelBlockFallback {
  static let rule: RuleID = "model.model-block"
  /// A line counts for the block by its tokens times (its probability of text - `centre`).
  static let centre = 0.3
  /// Tokens the model block needs.
  static let minimumTokens = 50
  /// It fires when the text keeps less than 1 / this of the block's tokens.
  static let shareInverse = 5

  /// Whether a page whose text holds `keptTokens` of `pageTokens` could fire at all (the
  /// block holds at most the page): the pass scores every line only then.
  static func mayFire(keptTokens: Int, pageTokens: Int) -> Bool {
    pageTokens >= minimumTokens && keptTokens * shareInverse < pageTokens
  }

  /// The ranks of the lines to bring back, given each line's tokens, whether it is kept now
  /// and its probability of text (NaN for the lines no decision may change: the title,
  /// bylines and dates, which weigh nothing and never come back).
  static func restores(tokens: [Int], kept: [Bool], text: [Double]) -> [Int] {
    let block = MaximumSumRun.of(tokens.count) { rank in
      text[rank].isNaN ? 0 : Double(tokens[rank]) * (text[rank] - centre)
    }
    guard let block else { return [] }
    var blockTokens = 0
    for rank in block { blockTokens += tokens[rank] }
    var keptTokens = 0
    for (rank, isKept) in kept.enumerated() where isKept { keptTokens += tokens[rank] }
    guard blockTokens >= minimumTokens && keptTokens * shareInverse < blockTokens else {
      return []
    }
    return block.filter { !kept[$0] && !text[$0].isNaN && text[$0] >= centre }
  }
}
