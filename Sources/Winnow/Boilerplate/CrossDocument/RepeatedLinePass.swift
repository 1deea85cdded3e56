/// Drops lines that repeat across many pages of the page's folder (`LineRepetition`): nav
/// bars, footers and promos a site prints on every page; as `legal` when the line carries a
/// legal cue (a long terms-of-use footer), else as `navigation`. Runs after the built-in rules and
/// the context pass, before the user's rules (which still override it); lines already
/// dropped, and the title, byline and date, keep their verdicts.
struct RepeatedLinePass {
  static let rule: RuleID = "context.repeated-across-pages"

  let settings: CrossDocumentSettings

  func run(on verdicts: inout [Verdict?], page: Page, lines: [LineContext?]) {
    guard let repetition = page.lineRepetition,
      let needed = settings.pagesNeeded(inFolderOf: repetition.pages)
    else { return }
    for index in lines.indices {
      guard let line = lines[index] else { continue }
      if let role = verdicts[index]?.role, !role.isKept { continue }
      let count = repetition.pagesContaining(page.lines[index].text)
      guard count >= needed else { continue }
      let kind: BoilerplateKind =
        line.lexicons.legal.occurs(in: line) ? .legal : .navigation
      verdicts[index] = Verdict(
        role: .dropped(kind), rule: Self.rule,
        score: Double(count) / Double(repetition.pages))
    }
  }
}
