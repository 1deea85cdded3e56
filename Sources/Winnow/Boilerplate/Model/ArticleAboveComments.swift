/// Whether the text above a page's comment zone is an article rather than a thread's first
/// post: the zone's per-post chrome templates (`ThreadChromeRule.perPostTemplates`: short
/// lines, numbers folded, that recur once per post: "Reply", "Posts: 0", "October 2, 2012,
/// | Permalink") exist, and none of them stands anywhere above the zone's first line (the
/// first line a zone rule dropped as a comment widget). A thread's first post carries the
/// same chrome as its replies; an article above a blog's comment box carries none of it.
///
/// Why: the page-type model calls blog posts and stories with long reader threads forum
/// (0.6-0.98), and the forum policy then brings their comment zones back. Of wcxb's forum
/// pages whose zone has such templates, 94 % (block) and 98 % (naive) have one above it; of
/// its article pages 36 % and 64 %; of dragnet's blog pages 8 % and 41 %
/// (`scripts/probe_comment_thread_types.py`, docs/boilerplate.md, s22).
enum ArticleAboveComments {
  /// `fragmentTokens` gives the tokens of a run's page lines (nil: the run is one page line),
  /// as `context.thread-chrome` reads the zone.
  static func holds(in page: LineFeatures, fragmentTokens: (Int) -> [[Token]]?) -> Bool {
    let commentKind = Int8(BoilerplateKind.allCases.firstIndex(of: .commentWidget)!)
    guard
      let start = page.summaries.firstIndex(where: {
        $0.group == .zoneDrop && $0.kind == commentKind
      })
    else { return false }
    func pageLines(_ ranks: Range<Int>) -> [[Token]] {
      ranks.flatMap { rank in
        let run = Int(page.summaries[rank].index)
        return fragmentTokens(run) ?? [page.lines[run]?.tokens ?? []]
      }
    }
    let templates = ThreadChromeRule.perPostTemplates(pageLines(start..<page.summaries.count))
    guard !templates.isEmpty else { return false }
    for tokens in pageLines(0..<start)
    where !tokens.isEmpty && tokens.count <= ThreadChromeRule.chromeTokens
      && templates[ThreadChromeRule.template(tokens)] != nil
    {
      return false
    }
    return true
  }
}
