/// A comment header above the article is a link to the comments, not their section: "评论",
/// "comments" or "reader comments 7" in the share bar under the headline, "* Leave a comment"
/// among the article's tools. Comments come after the article; when the opener is followed,
/// after a few chrome lines, by a run of running text larger than all the running text above
/// it, and it stands among chrome (a dropped line next to it), that run is the article, and
/// the opener opens no zone; so does an opener after chrome with hardly any running text
/// above it and an article's worth under it. The line stays dropped (it is a comment link),
/// under this rule's id.
///
/// Why: on news portals the share bar above the article holds a "评论" or "comments" link,
/// and the comment zone it opened swallowed the whole article (issue 13's census: 39 of
/// wwwxmu's 507 pages and 20 of msvcode-big5's 358 lost below F1 0.5 that way).
struct CommentLinkRule: ContextRule {
  static let id: RuleID = "context.comment-link"
  static let evidence = ContextEvidence.position

  /// The article starts within this many non-blank lines after the link (the rest of the
  /// share bar: "share", "Facebook", "Twitter", "rss" ...).
  static let maxChromeLines = 16
  /// The article is at least this many lines of running text in a row.
  static let minRunLines = 3
  /// Comments answer an article. An opener after a dropped line (chrome, not a paragraph)
  /// with less running text than this above it (two or three lines) and at least this much
  /// under it, before the next opener, has no article to answer and one to introduce: it is
  /// a link or a counter ("comments" in a share bar, "0 Comments" in a post's meta line).
  /// The text under it need not make a run of `minRunLines`: the naive rendering splits an
  /// article's paragraphs at every link.
  static let minArticleTokens = 60
  /// A link of the bar has at most this many words ("Leave a Comment", "Add Yours"). Comment
  /// links after the opener with nothing longer between are the same bar's ("Comments: 0" /
  /// "Read Comments" / "Leave a Comment"); a post's header ("1. BMilton | Feb 24, 2006
  /// 02:35am | #1") or the comment section's header under a longer line ("74 Comments" under
  /// "« More Nikkor 70-200mm f/4G ED VR sample images") is not.
  static let maxBarLinkTokens = 4

  func apply(to pass: inout ContextPass, bodyStart: Int) {
    var textAbove = 0
    for index in pass.lines.indices where pass.present[index] {
      if index >= bodyStart, pass.zoneOpeners[index] == .commentWidget,
        standsInABar(index, in: pass), let start = firstRunningLine(after: index, in: pass),
        runTokens(from: start, in: pass).map({ $0 > textAbove }) == true
          || (textAbove < Self.minArticleTokens && followsChrome(index, in: pass)
            && textUnder(from: start, in: pass) >= Self.minArticleTokens)
      {
        pass.zoneOpeners[index] = nil
        pass.verdicts[index] = Verdict(role: .dropped(.commentWidget), rule: Self.id)
      }
      if isRunningText(index, in: pass) { textAbove += pass.lines[index]!.tokens.count }
    }
  }

  /// The first line of running text within `maxChromeLines` after `opener` (the rest of the
  /// share bar), with no other zone opener before it but comment links of the same bar
  /// (`maxBarLinkTokens`); nil when there is none.
  private func firstRunningLine(after opener: Int, in pass: ContextPass) -> Int? {
    var chrome = 0
    var index = opener
    // Whether every line since the opener is as short as a link: still the bar.
    var inBar = true
    while let next = pass.nextLine(after: index) {
      if isRunningText(next, in: pass) { return next }
      let isShort = pass.lines[next]!.tokens.count <= Self.maxBarLinkTokens
      guard
        pass.zoneOpeners[next] == nil
          || (inBar && isShort && pass.zoneOpeners[next] == .commentWidget),
        chrome < Self.maxChromeLines
      else { return nil }
      inBar = inBar && isShort
      chrome += 1
      index = next
    }
    return nil
  }

  /// The tokens of the run of running text that starts at `start`, if it holds
  /// `minRunLines` lines; nil otherwise. One kept line between two lines of running text (a
  /// heading) continues the run; two (a commenter's name and date, a signature), or any
  /// dropped line, end it.
  private func runTokens(from start: Int, in pass: ContextPass) -> Int? {
    var lines = 1
    var tokens = pass.lines[start]!.tokens.count
    var index = start
    while let next = pass.nextLine(after: index) {
      if isRunningText(next, in: pass) {
        lines += 1
        tokens += pass.lines[next]!.tokens.count
        index = next
      } else if pass.verdicts[next]?.role.isKept == true,
        let after = pass.nextLine(after: next), isRunningText(after, in: pass)
      {
        index = next
      } else {
        break
      }
    }
    return lines >= Self.minRunLines ? tokens : nil
  }

  /// The tokens of all running text from `start` up to the next zone opener or the page's
  /// end (a comment form's notes are a line or two of it, an article many).
  private func textUnder(from start: Int, in pass: ContextPass) -> Int {
    var tokens = 0
    var index: Int? = start
    while let line = index, pass.zoneOpeners[line] == nil {
      if isRunningText(line, in: pass) { tokens += pass.lines[line]!.tokens.count }
      index = pass.nextLine(after: line)
    }
    return tokens
  }

  /// A link sits among other chrome (share buttons, article tools): the line before or after
  /// it was dropped. A section's header stands between the article and the first comment.
  private func standsInABar(_ index: Int, in pass: ContextPass) -> Bool {
    followsChrome(index, in: pass) || isDropped(pass.nextLine(after: index), in: pass)
  }

  /// The line before the opener was dropped: it is not straight under a paragraph, where a
  /// short post's comment section starts.
  private func followsChrome(_ index: Int, in pass: ContextPass) -> Bool {
    isDropped(pass.previousLine(before: index), in: pass)
  }

  private func isDropped(_ index: Int?, in pass: ContextPass) -> Bool {
    guard let index, case .dropped = pass.verdicts[index]?.role else { return false }
    return true
  }

  /// A line of running text the content score kept: what articles and comments are made of.
  private func isRunningText(_ index: Int, in pass: ContextPass) -> Bool {
    pass.classes[index] == .good && pass.verdicts[index]?.role == .content
  }
}
