/// Zones opened by headers such as "Related Links" or "Kommentare" below the start of the
/// body: a zone header drops what follows it, up to the next block of content, two lines of
/// running text in a row (or one run of joined fragments that holds two sentences, or two
/// lines of running text, the first ending a sentence, with only a label between them that
/// also parts the article's paragraphs above the zone's header). A comment
/// zone runs to the end of the page, since comments are running text themselves. Lines with a
/// boilerplate kind of their own keep it.
struct ZoneRule: ContextRule {
  static let id: RuleID = "context.zone"
  static let evidence = ContextEvidence.zone

  /// A label between paragraphs has at most this many words ("Article content").
  static let maxLabelWords = 3
  /// A label between paragraphs stands on the page at least this many times: a template's
  /// mark between each two paragraphs, not a heading of the text.
  static let minLabelRepeats = 3

  func apply(to pass: inout ContextPass, bodyStart: Int) {
    let lines = pass.lines
    let classes = pass.classes
    var labels = RepeatedLabels()
    var zone: BoilerplateKind? = nil
    var zoneHeader = 0
    for index in lines.indices where pass.present[index] {
      if let opened = pass.zoneOpeners[index], index >= bodyStart {
        // "Comments:" over "1664" is a counter's label in a stats block, not a section.
        let labelsCounter = pass.nextLine(after: index).map {
          pass.verdicts[$0]?.role == .dropped(.counter)
        }
        if labelsCounter != true {
          zone = opened
          zoneHeader = index
        }
        continue
      }
      guard let kind = zone else { continue }
      if kind != .commentWidget, isRunningText(index, in: pass),
        isJoinedParagraph(index, in: pass)
          || pass.nextLine(after: index).map({
            isRunningText($0, in: pass)
              || (lines[index]!.endsSentence
                && isLabelBeforeText(
                  $0, in: pass, article: bodyStart..<zoneHeader, labels: &labels))
          }) == true
      {
        zone = nil
        continue
      }
      if pass.isWeak(pass.verdicts[index]) {
        pass.verdicts[index] = Verdict(role: .dropped(kind), rule: Self.id)
      }
    }
  }

  /// A good line that no rule but the content score claimed: running text.
  private func isRunningText(_ index: Int, in pass: ContextPass) -> Bool {
    pass.classes[index] == .good && pass.isWeak(pass.verdicts[index])
  }

  /// A run of fragments that `FragmentRuns` joined into a line holding two sentences or more
  /// is the two lines of running text in a row that close the zone: split at its links, the
  /// same paragraph was several lines, and two of them closed it. (A paragraph of a naive
  /// rendering between "Article content" lines, under a newsletter box's "Top Stories",
  /// never had a second line of running text next to it once joined, and the zone ran over
  /// the rest of the article.)
  private func isJoinedParagraph(_ index: Int, in pass: ContextPass) -> Bool {
    guard pass.joined[index], let line = pass.lines[index] else { return false }
    return ContextPass.holdsSentenceEnd(line.text)
  }

  /// A short line that no cue claimed, with running text right under it, that stands in the
  /// body `minLabelRepeats` times, first in the `article` (from the body's start to the
  /// zone's header): a site's label between each two paragraphs ("Article content") parts no
  /// two lines of running text, and read as a line of the zone it kept a related box inside
  /// the article from ever closing. A label seen only inside the zone is its own (a teaser
  /// grid's category); the line above the label ends a sentence, since a teaser cut off
  /// before "Continue Reading" is not a paragraph (docs/boilerplate.md, s22).
  private func isLabelBeforeText(
    _ index: Int, in pass: ContextPass, article: Range<Int>, labels: inout RepeatedLabels
  ) -> Bool {
    guard let line = pass.lines[index], line.wordCount <= Self.maxLabelWords,
      pass.isWeak(pass.verdicts[index]), let next = pass.nextLine(after: index),
      isRunningText(next, in: pass)
    else { return false }
    let seen = labels.seen(line.tokensKey, in: pass, from: article.lowerBound)
    return seen.count >= Self.minLabelRepeats && article.contains(seen.first)
  }
}

/// How often each short line's words stand in the body (from its start on), and where first,
/// gathered once, when a zone first asks.
private struct RepeatedLabels {
  private var found: [UInt64: (count: Int, first: Int)]? = nil

  mutating func seen(_ key: UInt64, in pass: ContextPass, from bodyStart: Int) -> (
    count: Int, first: Int
  ) {
    if found == nil {
      var places: [UInt64: (count: Int, first: Int)] = [:]
      for index in bodyStart..<pass.lines.count {
        guard let line = pass.lines[index], line.wordCount <= ZoneRule.maxLabelWords else {
          continue
        }
        places[line.tokensKey, default: (0, index)].count += 1
      }
      found = places
    }
    return found![key] ?? (0, -1)
  }
}
