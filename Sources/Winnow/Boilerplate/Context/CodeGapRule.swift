/// The dropped lines between two kept lines are the text's code when at least
/// `minLowercaseShare` of their tokens are in lowercase lines (no capitalized, all-caps,
/// uncased or Han word: identifiers, commands, `}` and the punctuation a naive scraper splits
/// a highlighted code block into). Then the lines of that gap that only a weak judge dropped
/// (the content score, the line model, the stray-fragment rule: code has no function words
/// and no sentence end) come back as text under this rule's id; a cue rule's drop stays.
///
/// Why: issue 13's census of wcxb's documentation pages (the naive rendering lost 35,621 gold
/// tokens to the content score, mostly code between two kept paragraphs: "npm", "install",
/// "tailwindcss", "@tailwindcss/vite" a line each). What sits between two paragraphs of a news
/// article (a share bar, "Advertisement", a related headline, a caption, a byline) is written
/// in capitals, or in a script without case, and stays dropped. The threshold is the one chosen
/// with each source and wcxb domain fold left out (`scripts/probe_code_gaps.py`,
/// docs/boilerplate.md, "Code between kept paragraphs"). It runs after the line decider, on
/// every page: the page-type model calls documentation prose.
struct CodeGapRule {
  static let id: RuleID = "context.code-gap"

  /// A gap is code when this share of its tokens, at least, is in lowercase lines.
  static let minLowercaseShare = 0.4

  /// The rules whose drops a code gap gives back: they judge by function words, sentence ends
  /// and the line model's features, which code lacks.
  static let weakRules: Set<RuleID> = [
    ContentScoreRule.id, LineClassifierPass.rule, StrayFragmentRule().id,
  ]

  func apply(to verdicts: inout [Verdict?], lines: [LineContext?]) {
    var seenKept = false
    var gapStart: Int? = nil
    var gapTokens = 0
    var lowercaseTokens = 0
    for index in lines.indices {
      guard let line = lines[index] else { continue }
      if ListZoneRule.isDropped(verdicts[index]) {
        // The drops above the first kept line are the page's head, no gap.
        guard seenKept else { continue }
        if gapStart == nil { gapStart = index }
        gapTokens += line.tokens.count
        if Self.isLowercase(line) { lowercaseTokens += line.tokens.count }
        continue
      }
      // A kept line closes the gap above it; the page's end closes none.
      if let start = gapStart, gapTokens > 0,
        Double(lowercaseTokens) >= Self.minLowercaseShare * Double(gapTokens)
      {
        for dropped in start..<index {
          guard let rule = verdicts[dropped]?.rule, Self.weakRules.contains(rule) else { continue }
          verdicts[dropped] = Verdict(role: .content, rule: Self.id)
        }
      }
      seenKept = true
      gapStart = nil
      gapTokens = 0
      lowercaseTokens = 0
    }
  }

  /// No word that starts with a capital, is all capitals, has letters without case or is Han.
  static func isLowercase(_ line: LineContext) -> Bool {
    line.capitalizedTokens == 0 && line.allCapsTokens == 0 && line.cjkCount == 0
      && !line.tokens.contains(where: \.isUncased)
  }
}
