/// Whether the text above a page's comment zone is itself a post: the number of the zone's
/// per-post chrome templates (`ThreadChromeRule.perPostTemplates`: short lines, numbers
/// folded, that recur once per post: "Reply", "Posts: 0", "October 2, 2012, | Permalink")
/// that also stand somewhere above the zone's first line (the first line a zone rule dropped
/// as a comment widget). A thread's first post carries the same chrome as its replies; an
/// article above a blog's comment box carries none of it. 0 without a comment zone.
///
/// Why: the page-type model called blog posts and stories with long reader-comment threads
/// forum with 0.6-0.98 (dragnet's Slashdot, Schneier on Security and fashion blog pages,
/// issue 13, s21): counts of the zone alone (its posts, its templates, the tokens kept above
/// it) read the same on both. Of the wcxb forum pages whose zone has such templates, 94 %
/// (block) have one above it; of the article pages 36 %, of dragnet's pages 8 %
/// (scripts/probe_comment_thread_types.py). The page-type feature `zone_chrome_above`;
/// `scripts/train_page_type.py` computes the same from the rows `winnow-features` prints
/// and the page's text.
enum ZoneChromeAbove {
  /// Counts the templates over the page lines of the runs of `page` (`fragmentTokens` gives a
  /// run's page lines' tokens; nil: the run is one page line), as `context.thread-chrome`
  /// reads the zone.
  static func count(in page: LineFeatures, fragmentTokens: (Int) -> [[Token]]?) -> Int {
    let commentKind = Int8(BoilerplateKind.allCases.firstIndex(of: .commentWidget)!)
    guard
      let start = page.summaries.firstIndex(where: {
        $0.group == .zoneDrop && $0.kind == commentKind
      })
    else { return 0 }
    func pageLines(_ ranks: Range<Int>) -> [[Token]] {
      ranks.flatMap { rank in
        let run = Int(page.summaries[rank].index)
        return fragmentTokens(run) ?? [page.lines[run]?.tokens ?? []]
      }
    }
    let templates = ThreadChromeRule.perPostTemplates(pageLines(start..<page.summaries.count))
    guard !templates.isEmpty else { return 0 }
    var above = Set<UInt64>()
    for tokens in pageLines(0..<start)
    where !tokens.isEmpty && tokens.count <= ThreadChromeRule.chromeTokens {
      above.insert(ThreadChromeRule.template(tokens))
    }
    return templates.keys.count(where: above.contains)
  }
}
