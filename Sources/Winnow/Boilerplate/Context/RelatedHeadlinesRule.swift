/// A list of headlines under the article, behind chrome, is related links: "Trafikte vahşet!
/// Eşi ve çocuğunun gözü önünde öldürüldü", "Yazarlardan Beşiktaş yorumu", ... after the
/// share bar of a news page, with no "Related" header to open a zone. The content score drops
/// such lines, but each reads like a sentence, and the line decider, which may bring back
/// content-score drops, kept them. This rule names them related links, a zone's evidence, which
/// the decider does not overrule.
///
/// A run of content-score drops below the page's largest block of kept lines (the article,
/// `minArticleLines` or more) is a headline list when it holds at least `minItems` lines,
/// at least `minItemShare` of them item-sized (`itemMinSize`, as `ListItemsRule` counts) and
/// at least `minHeadlineShare` of them headlines (not ending like a clause of prose: ".", ",",
/// ";", ":"), holds fewer tokens than `maxBlockMultiple` times the article (a larger one is
/// the page's text, `ListItemsRule`'s case), and stands behind chrome: the line before it was
/// dropped by another rule (a share button, an ad, a widget). Lines other rules dropped
/// continue the run up to `maxGapLines` in a row; a kept line ends it, and so does a line
/// that starts in lower case, which continues a sentence (a scraper that puts each link on
/// its own line splits the article's sentences into such runs; those are the article's).
///
/// Why: issue 13, the lines that make the decider lose to the rules on fundus (a Turkish
/// portal's "GÜNÜN ÖNEMLİ MANŞETLERİ" list under the article brought back: 0.810 -> 0.575).
struct RelatedHeadlinesRule: ContextRule {
  static let id: RuleID = "context.related-headlines"
  static let evidence = ContextEvidence.zone

  /// Lines dropped by other rules (an ad, a "Save" button) that may stand between headlines.
  static let maxGapLines = 2
  /// A headline list has at least this many lines.
  static let minItems = 6
  /// A headline has at least this size (characters without white space, Han counting three).
  static let itemMinSize = ListItemsRule.itemMinSize
  /// At least this share of the run's lines are item-sized.
  static let minItemShare = 0.7
  /// At least this share of the run's lines do not end like a clause of prose.
  static let minHeadlineShare = 0.7
  /// The run holds fewer than this multiple of the article's tokens.
  static let maxBlockMultiple = ListItemsRule.minBlockMultiple
  /// The article is the largest block of kept lines when it holds at least this many lines.
  static let minArticleLines = ListItemsRule.minArticleLines

  func apply(to pass: inout ContextPass) {
    let article = LargestKeptBlock(in: pass)
    guard article.lineCount >= Self.minArticleLines else { return }
    var run: [Int] = []
    var gap = 0
    for index in article.lines.upperBound..<pass.lines.count where pass.present[index] {
      if pass.isScoreDrop(index), !Self.startsInLowerCase(pass.lines[index]!) {
        run.append(index)
        gap = 0
      } else if pass.isScoreDrop(index) || pass.verdicts[index]?.role.isKept != false {
        endRun(&run, articleTokens: article.tokens, in: &pass)
        gap = 0
      } else {
        gap += 1
        if gap > Self.maxGapLines { endRun(&run, articleTokens: article.tokens, in: &pass) }
      }
    }
    endRun(&run, articleTokens: article.tokens, in: &pass)
  }

  /// Names the run's lines related links when they are a headline list behind chrome, and
  /// empties it.
  private func endRun(_ run: inout [Int], articleTokens: Int, in pass: inout ContextPass) {
    defer { run.removeAll(keepingCapacity: true) }
    guard run.count >= Self.minItems, let first = run.first,
      let before = pass.previousLine(before: first), Self.isChrome(before, in: pass)
    else { return }
    var itemSized = 0
    var headlines = 0
    var tokens = 0
    for index in run {
      let line = pass.lines[index]!
      if line.size >= Self.itemMinSize { itemSized += 1 }
      if !Self.endsLikeProse(line) { headlines += 1 }
      tokens += line.tokens.count
    }
    let count = Double(run.count)
    guard Double(itemSized) >= Self.minItemShare * count,
      Double(headlines) >= Self.minHeadlineShare * count,
      tokens < Self.maxBlockMultiple * articleTokens
    else { return }
    for index in run {
      pass.verdicts[index] = Verdict(role: .dropped(.relatedLinks), rule: Self.id)
    }
  }

  /// Dropped by a rule other than the content score: a share button, an ad, a widget.
  static func isChrome(_ index: Int, in pass: ContextPass) -> Bool {
    guard case .dropped = pass.verdicts[index]?.role else { return false }
    return !pass.isScoreDrop(index)
  }

  /// "talks to the ...": the line continues a sentence.
  static func startsInLowerCase(_ line: LineContext) -> Bool {
    line.text.unicodeScalars.first?.properties.isLowercase == true
  }

  /// Ends with a full stop or a clause mark (before closing quotes and brackets), as prose
  /// does and headlines ("... yorumu", "... dikkat!", "... mı?") do not.
  static func endsLikeProse(_ line: LineContext) -> Bool {
    guard let last = line.text.unicodeScalars.last(where: { !closingMarks.contains($0) }) else {
      return false
    }
    return clauseStops.contains(last)
  }

  private static let closingMarks: Set<Unicode.Scalar> = ["\"", "'", "”", "’", "»", ")"]
  private static let clauseStops: Set<Unicode.Scalar> = [
    ".", ",", ";", ":", "。", "，", "；", "：",
  ]
}
