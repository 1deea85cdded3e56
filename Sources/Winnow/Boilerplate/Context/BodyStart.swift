/// Where the page's body starts: its first line of running text that no rule claimed, unless
/// that line opens an island, a little running text (fewer than `islandTokens` tokens) cut
/// off from the next running text by at least `islandGap` lines of chrome (lines a rule
/// claimed or that end no sentence). A site's blurb in
/// the head of the page is such an island: "Starting in 1996, Alexa Internet has been
/// donating their crawl data to the Internet Archive." in the Wayback Machine's toolbar over
/// an archived article, which only reads as running text once its link fragments are joined
/// (`FragmentRuns`, 264 of msvcode-big5's naive pages). Taken for the body, it let the
/// comment link above the article ("Comments: 0") open a zone that swallowed the article.
/// The body then starts at the next run of running text; when every run is an island, at
/// the first, as before. Zone headers above the body open no zone, and the title is looked
/// for above it.
struct BodyStart {
  /// Running text of fewer tokens than this (about two sentences) may be an island.
  static let islandTokens = 60
  /// Lines without running text that cut an island off from what follows: a menu or a share
  /// bar, as long as `CommentLinkRule.maxChromeLines`.
  static let islandGap = CommentLinkRule.maxChromeLines

  /// The index of the body's first line, nil when no line is running text.
  func find(in pass: ContextPass) -> Int? {
    var first: Int? = nil
    var runStart: Int? = nil
    var runTokens = 0
    var gap = 0
    for index in pass.lines.indices where pass.present[index] {
      guard pass.verdicts[index] == nil, pass.classes[index] == .good else {
        // Chrome is what a rule claimed or no sentence: a short sentence ("Use layers.", an
        // item of a list under the intro) is the text going on, not a menu cutting it off.
        // (Counting every line as chrome cost the block rendering's dragnet 0.024 and its
        // collection pages 0.046: blog posts whose comments are the larger run.)
        if pass.verdicts[index] != nil || !pass.lines[index]!.endsSentence {
          gap += 1
        } else if runStart != nil {
          gap = 0
        }
        continue
      }
      if let start = runStart, gap >= Self.islandGap {
        // The run before the gap is done: the body starts there unless it is an island.
        if runTokens >= Self.islandTokens { return start }
        runStart = nil
      }
      if runStart == nil {
        runStart = index
        runTokens = 0
        if first == nil { first = index }
      }
      runTokens += pass.lines[index]!.tokens.count
      gap = 0
    }
    // The last run has nothing after it to be cut off from.
    if let start = runStart, runTokens >= Self.islandTokens { return start }
    return first
  }
}
