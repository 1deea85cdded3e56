/// Zones opened by headers such as "Related Links" or "Kommentare" below the start of the
/// body: a zone header drops what follows it, up to the next block of content, two lines of
/// running text in a row (or one run of joined fragments that holds two sentences). A comment
/// zone runs to the end of the page, since comments are running text themselves. Lines with a
/// boilerplate kind of their own keep it.
struct ZoneRule: ContextRule {
  static let id: RuleID = "context.zone"
  static let evidence = ContextEvidence.zone

  func apply(to pass: inout ContextPass, bodyStart: Int) {
    let lines = pass.lines
    let classes = pass.classes
    var zone: BoilerplateKind? = nil
    for index in lines.indices where pass.present[index] {
      if let opened = pass.zoneOpeners[index], index >= bodyStart {
        // "Comments:" over "1664" is a counter's label in a stats block, not a section.
        let labelsCounter = pass.nextLine(after: index).map {
          pass.verdicts[$0]?.role == .dropped(.counter)
        }
        if labelsCounter != true { zone = opened }
        continue
      }
      guard let kind = zone else { continue }
      if kind != .commentWidget, classes[index] == .good, pass.isWeak(pass.verdicts[index]),
        isJoinedParagraph(index, in: pass)
          || pass.nextLine(after: index).map({
            classes[$0] == .good && pass.isWeak(pass.verdicts[$0])
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
}
