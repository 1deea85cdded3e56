/// A blurb in the head of the page that reads as running text only once its link fragments
/// are joined. The Wayback Machine's capture box over an archived article, "Starting in
/// 1996," / "Alexa Internet" / "has been donating their crawl data ..." / "Wayback Machine"
/// / "after an embargo period.", is one sentence once `FragmentRuns` joins it, and the
/// content score keeps it with the labels around it ("Alexa Crawls", "Collection:"); split,
/// its fragments were dropped one by one (msvcode-big5's naive pages lost 0.016 F1 with
/// `FragmentRuns`, most of it to this box). After the content score, such a blurb is an
/// island: fewer than `BodyStart.islandTokens` tokens of kept text, cut off by at least
/// `BodyStart.islandGap` lines that are not kept text (the site's menus) from a larger run of
/// kept text below. An island above the first larger run that holds a joined run loses the
/// lines only the content score kept (text and headings) as navigation.
/// Islands without a joined run stay as the content score left them: in the block rendering
/// an intro above a list whose items end no sentence is such an island, and text.
/// (`BodyStart` cannot tell these blurbs: it runs before the content score, and a short
/// sentence of the menus between, "Skip to content, or skip to search.", keeps its run open.)
struct HeadIslandRule: ContextRule {
  static let id: RuleID = "context.head-island"
  static let evidence = ContextEvidence.position

  /// Returns where the larger run starts when an island was dropped: the body starts there
  /// for the zones, as it did when the blurb's fragments were no running text (a "Most
  /// Popular" header between the capture box and the article opened a zone over the
  /// article: msvcode-big5-09-shoot, naive).
  func apply(to pass: inout ContextPass) -> Int? {
    var islands: [ClosedRange<Int>] = []
    var runStart: Int? = nil
    var runEnd = 0
    var runTokens = 0
    var runJoined = false
    var gap = 0
    for index in pass.lines.indices where pass.present[index] {
      // Text is what no rule claimed or what is kept as such; headings, titles and drops are not.
      guard pass.verdicts[index].map({ $0.role == .content }) ?? true else {
        gap += 1
        continue
      }
      if let start = runStart, gap >= BodyStart.islandGap {
        if runTokens >= BodyStart.islandTokens { break }
        if runJoined { islands.append(start...runEnd) }
        runStart = nil
      }
      if runStart == nil {
        runStart = index
        runTokens = 0
        runJoined = false
      }
      runTokens += pass.lines[index]!.tokens.count
      runJoined = runJoined || pass.joined[index]
      runEnd = index
      gap = 0
    }
    // Islands count only above a larger run: a page of nothing but islands keeps them.
    guard let body = runStart, runTokens >= BodyStart.islandTokens, !islands.isEmpty else {
      return nil
    }
    for island in islands { drop(island, in: &pass) }
    return body
  }

  /// Drops the island's lines the content score kept, and the headings it kept right above.
  private func drop(_ island: ClosedRange<Int>, in pass: inout ContextPass) {
    var first = island.lowerBound
    while let previous = pass.previousLine(before: first),
      pass.verdicts[previous]?.role == .heading, keptByScore(pass.verdicts[previous])
    {
      first = previous
    }
    for index in first...island.upperBound where keptByScore(pass.verdicts[index]) {
      pass.verdicts[index] = Verdict(role: .dropped(.navigation), rule: Self.id)
    }
  }

  /// Kept as text or heading by the content score alone, which a position may overrule.
  private func keptByScore(_ verdict: Verdict?) -> Bool {
    guard let verdict, verdict.rule == ContentScoreRule.id else { return false }
    return verdict.role == .content || verdict.role == .heading
  }
}
