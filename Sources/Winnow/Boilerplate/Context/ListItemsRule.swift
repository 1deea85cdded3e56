/// A list of items is content, not a run of short junk: on a listing, a collection or a
/// product page the text is the items (headlines, product names, trail or event entries),
/// and the content score, which anchors on running text, drops them with the menus around
/// them.
///
/// What tells a list of items from a menu is the items' length: menu entries are a word or
/// two ("Home", "Sports"), items are headlines or names with details ("Anthills MTB ·
/// Difficulty: Intermediate", "Armed robots take to the battlefield in Ukraine war"). A run
/// of lines the content score dropped is a list when it holds at least `minItems` of them,
/// at least `minItemShare` of those are `itemMinSize` characters or longer, and together they
/// hold at least `minItemTokens` tokens and `minBlockMultiple` times the tokens of the page's
/// largest block of kept text. The last clause keeps related-link lists under an article
/// dropped: an article is a block of kept paragraphs larger than a third of the list beside
/// it. The run's content-score drops come back as text; lines other rules dropped (share
/// buttons, counters, dates) stay dropped.
///
/// What ends a run: more than `maxGapLines` lines other rules dropped in a row, or the page's
/// largest block of kept lines when it holds `minArticleLines` lines or more (the article, on
/// an article page). Other kept lines continue it: a listing's one-line descriptions between
/// its headlines, even when one of them is the page's largest kept block. So a sidebar of
/// headlines above an article and a list of comments below it are two runs, each weighed
/// against the article, not one run that outweighs it. (Breaking instead at every kept block
/// of two, three or four lines cost listings more than half their gain, in a simulation on
/// the dev pages; breaking at a largest block of one line split a product list in two, and
/// the items line model then dropped the half the rule did not bring back.)
///
/// Why: issue 13's census of the pages lost below F1 0.5 (wcxb's listing, collection and
/// product pages, where the content score dropped the items: 60 of 193 lost pages).
struct ListItemsRule: ContextRule {
  static let id: RuleID = "context.list-items"
  static let evidence = ContextEvidence.contentScore

  /// Lines dropped by other rules (a date, a "Save" button) that may stand between items.
  static let maxGapLines = 2
  /// A list has at least this many items.
  static let minItems = 6
  /// An item has at least this size (characters without white space, Han counting three):
  /// longer than a menu entry.
  static let itemMinSize = 20
  /// At least this share of the run's lines are item-sized.
  static let minItemShare = 0.7
  /// The items hold at least this many tokens.
  static let minItemTokens = 40
  /// The items hold at least this multiple of the tokens of the largest block of kept text.
  static let minBlockMultiple = 3
  /// The largest block of kept text ends a run when it holds at least this many lines.
  static let minArticleLines = 2

  func apply(to pass: inout ContextPass) {
    let article = LargestKeptBlock(in: pass)
    var run: [Int] = []
    var gap = 0
    for index in pass.lines.indices where pass.present[index] {
      if pass.isScoreDrop(index) {
        run.append(index)
        gap = 0
      } else if pass.verdicts[index]?.role.isKept == true {
        gap = 0
        if article.lineCount >= Self.minArticleLines, article.lines.contains(index) {
          endRun(&run, largestBlock: article.tokens, in: &pass)
        }
      } else {
        gap += 1
        if gap > Self.maxGapLines { endRun(&run, largestBlock: article.tokens, in: &pass) }
      }
    }
    endRun(&run, largestBlock: article.tokens, in: &pass)
  }

  /// Keeps the run's lines when they are a list, and empties it.
  private func endRun(_ run: inout [Int], largestBlock: Int, in pass: inout ContextPass) {
    defer { run.removeAll(keepingCapacity: true) }
    guard run.count >= Self.minItems else { return }
    var itemSized = 0
    var tokens = 0
    for index in run {
      let line = pass.lines[index]!
      if line.size >= Self.itemMinSize { itemSized += 1 }
      tokens += line.tokens.count
    }
    guard Double(itemSized) >= Self.minItemShare * Double(run.count),
      tokens >= Self.minItemTokens, tokens >= Self.minBlockMultiple * largestBlock
    else { return }
    for index in run { pass.verdicts[index] = Verdict(role: .content, rule: Self.id) }
  }
}
