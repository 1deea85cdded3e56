/// The third pass of the boilerplate stage: the learned `LineClassifier` revisits every line
/// but the title, bylines and dates, reading what the rules and the context pass made of it
/// and of its neighbours as features. Where it is sure they were wrong (a kept line's
/// probability of text below `dropBelow`, a dropped line's of `keepGroups` above `keepAbove`)
/// the line goes or comes back with `rule` `model.line-classifier` and its probability as the
/// score; elsewhere their verdict stays (and `explain` names their rule). Its drops keep a kind
/// (`navigation` for short lines, `junk` for long ones).
///
/// It learnt from web pages; on a page of a few lines (a note, a test) it stays out. It never
/// loses a whole page: when it would keep less than a fifth of the main block the rules kept
/// (the run of kept lines that holds the most tokens), and that block is substantial, the
/// block's kept lines stay (a fallback, counted in the record).
///
/// With a `PageTypeModel` the page's type comes first: on a forum or item page the decider
/// follows that type's `KeepPolicy` (it brings back more of the dropped short lines, which
/// are the posts and items there) and, where the type has one, its own line model's
/// probabilities; the lines it changes carry `model.page-type.TYPE`.
struct LineClassifierPass {
  static let rule: RuleID = "model.line-classifier"
  /// Pages with fewer non-blank lines are left to the rules.
  static let minimumLines = 5
  /// Tokens the rules' main block needs for the fallback to keep it.
  static let fallbackBlockTokens = 50
  /// The fallback keeps the block when the model keeps less than 1 / this of its tokens.
  static let fallbackShareInverse = 5

  let model: LineClassifier
  /// The word counts its drops and keeps share with the context pass: a dropped line this
  /// short is navigation, a kept one without a sentence end is a heading.
  let context: ContextSettings
  /// Consulted first when present.
  let pageTypes: PageTypeModel?

  /// By `VerdictGroup.rawValue`: whether the row walk scores lines of the group with the
  /// first model: those the line model's policy lets it judge (all when the second model
  /// decides). Not those only a page type's policy judges (a forum's zone and position
  /// drops, many lines of most pages): most pages are called no type, and a type with its
  /// own line model needs none of the first model's probabilities.
  private let scoredGroups: [Bool]

  init(model: LineClassifier, context: ContextSettings, pageTypes: PageTypeModel? = nil) {
    self.model = model
    self.context = context
    self.pageTypes = pageTypes
    scoredGroups = VerdictGroup.allCases.map { group in
      model.decidesWithSecond || model.policy.decides(group)
    }
  }

  /// What the pass made of a page as a whole.
  struct PageOutcome {
    /// The fallback kept the rules' main block.
    var fallback = false
    /// The page-type model's call (nil when it did not run).
    var pageType: PageType? = nil
  }

  /// Decides the lines of a page.
  func run(
    on verdicts: inout [Verdict?], lines: [LineContext?], classes: [ContentClass?],
    language: PageLanguage
  ) -> PageOutcome {
    var present = 0
    for line in lines where line != nil { present += 1 }
    guard present >= Self.minimumLines else { return PageOutcome() }
    let page = LineFeatures(lines: lines, classes: classes, verdicts: verdicts, language: language)
    let walk = PageRowWalk(
      page: page, model: model.first, scoredGroups: scoredGroups,
      pageType: !(pageTypes?.calls.isEmpty ?? true))
    var outcome = PageOutcome()
    var policy = model.policy
    var rule = Self.rule
    var own: TreeEnsemble? = nil
    if let pageTypes {
      let call = walk.pageTypeValues.map(pageTypes.classify) ?? (.prose, nil)
      outcome.pageType = call.type
      if let typed = call.call {
        policy = typed.policy
        rule = call.type.rule
        own = typed.lines
      }
    }
    let decided =
      if let own {
        probabilities(page, by: own, policy: policy)
      } else if model.decidesWithSecond {
        probabilities(page, first: walk.first, policy: policy)
      } else {
        probabilities(page, by: model.first, policy: policy, known: walk.first)
      }
    func keeps(_ rank: Int) -> Bool {
      policy.keeps(page.summaries[rank].group, text: decided[rank])
    }
    var modelTokens = 0
    var blockTokens = 0
    for (rank, summary) in page.summaries.enumerated() {
      if summary.kept && page.shape.distanceToBlock(rank) == 0 && page.shape.block != nil {
        blockTokens += Int(summary.tokens)
      }
      if !decided[rank].isNaN && keeps(rank) { modelTokens += Int(summary.tokens) }
    }
    let fallback =
      blockTokens >= Self.fallbackBlockTokens
      && modelTokens * Self.fallbackShareInverse < blockTokens
    outcome.fallback = fallback
    for (rank, summary) in page.summaries.enumerated() where !decided[rank].isNaN {
      let text = decided[rank]
      let keep = fallback && page.shape.distanceToBlock(rank) == 0 ? summary.kept : keeps(rank)
      guard keep != summary.kept else { continue }
      let index = Int(summary.index)
      let line = lines[index]!
      if summary.kept {
        let kind: BoilerplateKind =
          line.wordCount <= context.chromeMaxWords ? .navigation : .junk
        verdicts[index] = Verdict(role: .dropped(kind), rule: rule, score: 1 - text)
      } else {
        let heading = !line.endsSentence && line.wordCount <= context.headingMaxWords
        verdicts[index] = Verdict(role: heading ? .heading : .content, rule: rule, score: text)
      }
    }
    return outcome
  }

  /// The second model's probability of each line (by rank); NaN for the lines whose verdict
  /// `policy` does not let it change (most dropped lines cost nothing). `first` holds the
  /// first model's probabilities of every line (`PageRowWalk`); the rows of the lines the
  /// second model judges are written again with their context values after them.
  private func probabilities(_ page: LineFeatures, first: [Double], policy: KeepPolicy)
    -> [Double]
  {
    let total = page.summaries.count
    var decided = [Double](repeating: .nan, count: total)
    let width = LineFeatures.count
    withUnsafeTemporaryAllocation(of: Float.self, capacity: model.second.width) { row in
      let features = UnsafeMutableBufferPointer(rebasing: row[0..<width])
      // Sums of the first probabilities before each rank, for the windows' means.
      var before = [Double](repeating: 0, count: total + 1)
      for rank in 0..<total { before[rank + 1] = before[rank] + first[rank] }
      let pageMean = Float(before[total] / Double(max(1, total)))
      func around(_ rank: Int, _ reach: Int) -> Float {
        let low = max(0, rank - reach)
        let high = min(total - 1, rank + reach)
        return Float((before[high + 1] - before[low] - first[rank]) / Double(max(1, high - low)))
      }
      for (rank, summary) in page.summaries.enumerated() where policy.decides(summary.group) {
        page.write(rank: rank, into: features)
        row[width] = Float(first[rank])
        row[width + 1] = rank > 0 ? Float(first[rank - 1]) : 0
        row[width + 2] = rank + 1 < total ? Float(first[rank + 1]) : 0
        row[width + 3] = around(rank, LineClassifier.contextWindows.0)
        row[width + 4] = around(rank, LineClassifier.contextWindows.1)
        row[width + 5] = pageMean
        decided[rank] = model.second.probability(UnsafeBufferPointer(row))
      }
    }
    return decided
  }

  /// `ensemble`'s probability of each line (by rank) whose verdict `policy` lets it change,
  /// NaN elsewhere: a page type's own line model, which decides in place of the line model's
  /// two on the pages called that type, or the first model. Those `known` has (not NaN) are
  /// taken from it; the rows of the others are written again: on the pages called a type,
  /// or where a type's policy judges more groups than the walk scored.
  private func probabilities(
    _ page: LineFeatures, by ensemble: TreeEnsemble, policy: KeepPolicy, known: [Double]? = nil
  ) -> [Double] {
    var decided = [Double](repeating: .nan, count: page.summaries.count)
    withUnsafeTemporaryAllocation(of: Float.self, capacity: LineFeatures.count) { row in
      for (rank, summary) in page.summaries.enumerated() where policy.decides(summary.group) {
        if let known, !known[rank].isNaN {
          decided[rank] = known[rank]
          continue
        }
        page.write(rank: rank, into: row)
        decided[rank] = ensemble.probability(UnsafeBufferPointer(row))
      }
    }
    return decided
  }
}
