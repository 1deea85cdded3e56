/// A comment header above the article is a link to the comments, not their section: "评论",
/// "comments" or "reader comments 7" in the share bar under the headline, "* Leave a comment"
/// among the article's tools. Comments come after the article; when the opener is followed,
/// after a few chrome lines, by a run of running text larger than all the running text above
/// it, and it stands among chrome (a dropped line next to it), that run is the article, and
/// the opener opens no zone. The line stays dropped (it is a comment link), under this rule's
/// id.
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

  func apply(to pass: inout ContextPass, bodyStart: Int) {
    var textAbove = 0
    for index in pass.lines.indices where pass.present[index] {
      if index >= bodyStart, pass.zoneOpeners[index] == .commentWidget,
        standsInABar(index, in: pass), let run = runningText(after: index, in: pass),
        run > textAbove
      {
        pass.zoneOpeners[index] = nil
        pass.verdicts[index] = Verdict(role: .dropped(.commentWidget), rule: Self.id)
      }
      if isRunningText(index, in: pass) { textAbove += pass.lines[index]!.tokens.count }
    }
  }

  /// The tokens of the first run of running text that starts within `maxChromeLines` after
  /// `opener`, if it holds `minRunLines` lines; nil otherwise. One kept line between two
  /// lines of running text (a heading) continues the run; two (a commenter's name and date,
  /// a signature), or any dropped line, end it.
  private func runningText(after opener: Int, in pass: ContextPass) -> Int? {
    var chrome = 0
    var index = opener
    while let next = pass.nextLine(after: index), !isRunningText(next, in: pass) {
      guard pass.zoneOpeners[next] == nil, chrome < Self.maxChromeLines else { return nil }
      chrome += 1
      index = next
    }
    var lines = 0
    var tokens = 0
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

  /// A link sits among other chrome (share buttons, article tools): the line before or after
  /// it was dropped. A section's header stands between the article and the first comment.
  private func standsInABar(_ index: Int, in pass: ContextPass) -> Bool {
    [pass.previousLine(before: index), pass.nextLine(after: index)].contains { neighbour in
      guard let neighbour, case .dropped = pass.verdicts[neighbour]?.role else { return false }
      return true
    }
  }

  /// A line of running text the content score kept: what articles and comments are made of.
  private func isRunningText(_ index: Int, in pass: ContextPass) -> Bool {
    pass.classes[index] == .good && pass.verdicts[index]?.role == .content
  }
}
