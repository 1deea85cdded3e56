/// Strips boilerplate: navigation, counters, share buttons, promos, legal footers, comment
/// widgets, related-links blocks, captions; and takes the title, byline and date out of the
/// text into the record's metadata.
///
/// Five passes: the built-in `LineRule`s judge each line alone; the `ContextPass` revises
/// by position, zone and neighbours and decides the rest by content score; the learned
/// `LineClassifierPass` decides every line but the title and metadata, with those verdicts
/// among its features (on a page it calls a forum, `ThreadZoneRule` then gives a comment zone
/// that is the thread its posts back, and on any other page `ThreadChromeRule` does when the
/// zone repeats a thread's per-post chrome; on any page, `QuestionAnswersRule` gives a Q&A
/// thread's answers back and drops the comments under its posts; on a page it calls items or a forum,
/// `InPageRepeatRule` drops the second copies of kept lines; on any page but a forum,
/// `ListZoneRule` gives back a related zone that holds the page's list; on a page with a buy
/// button, `CustomerReviewsRule` drops the customers' reviews); on any page, `CookieNoticeRule`
/// drops the cookie notices printed in the text; `CodeGapRule` gives back the
/// code between two kept lines; the `RepeatedLinePass`
/// drops lines repeated across the folder's pages (when the run surveyed them); then the
/// user's rules from the config override all four. Last, the prose of reader comments is
/// dropped, moved to the record's `comments` or kept, as `boilerplate.comments` says
/// (`ReaderComments`); the other lines' verdicts do not depend on it.
public struct BoilerplateStage: Stage {
  public static let id = StageID.boilerplate

  let lexicons: Lexicons
  let score: ContentScore
  let userRules: [PatternRule]
  /// Match time each user regex may take over one page (`limits.regex_time_per_document`).
  let regexBudget: Int32
  let contextRules: ContextPass.Rules
  let repeatedLines: RepeatedLinePass
  let lineClassifier: LineClassifierPass?
  let comments: CommentsMode

  /// Takes the user rules as the settings' validation compiled them (compiling them here
  /// only for settings nobody validated); settings with problems throw `PatternRule.Invalid`
  /// (the config loader reports `problems()` before this). `regexTimePerDocument` is each
  /// user regex's match time over one page (`limits.regex_time_per_document`; 0: only the
  /// limit per search).
  public init(settings: BoilerplateSettings, regexTimePerDocument: Int = 0) throws {
    let problems = settings.problems()
    guard problems.isEmpty else { throw PatternRule.Invalid(problems: problems) }
    lexicons = Lexicons.builtIn
    score = ContentScore(settings: settings)
    userRules = settings.userRules.rules
    regexBudget = Int32(clamping: regexTimePerDocument)
    contextRules = ContextPass.Rules(settings: settings.context, headingReach: settings.lengthHigh)
    repeatedLines = RepeatedLinePass(settings: settings.crossDocument)
    let pageTypes = try ModelChoice<PageTypeModel>.load(settings.pageTypes)
    lineClassifier = try ModelChoice<LineClassifier>.load(settings.lineModel).map {
      LineClassifierPass(model: $0, context: settings.context, pageTypes: pageTypes)
    }
    comments = settings.comments
  }

  public func run(on page: inout Page, report: inout CleaningReport) {
    let fragments = fragmentRuns(of: page)
    var analysis = analyze(fragments)
    if let lineClassifier {
      // A run of one page line has its tokens already: only joined runs are split again.
      let outcome = lineClassifier.run(
        on: &analysis.verdicts, lines: analysis.lines, classes: analysis.classes,
        language: analysis.language
      ) { run in
        fragments.runs[run].count > 1 ? pageLineTokens(of: run, in: fragments, page: page) : nil
      }
      report.fallback = outcome.fallback
      report.pageType = outcome.pageType
      if outcome.pageType == .forum {
        ThreadZoneRule().apply(to: &analysis.verdicts, lines: analysis.lines)
      } else {
        ThreadChromeRule().apply(to: &analysis.verdicts, lines: analysis.lines) { run in
          pageLineTokens(of: run, in: fragments, page: page)
        }
      }
      QuestionAnswersRule().apply(to: &analysis.verdicts, lines: analysis.lines)
      if outcome.pageType == .forum || outcome.pageType == .items {
        InPageRepeatRule().apply(to: &analysis.verdicts, lines: analysis.lines)
      }
      if outcome.pageType != .forum {
        ListZoneRule().apply(to: &analysis.verdicts, lines: analysis.lines)
      }
      CustomerReviewsRule().apply(to: &analysis.verdicts, lines: analysis.lines)
    }
    CookieNoticeRule().apply(to: &analysis.verdicts, lines: analysis.lines)
    // From here on, line by line of the page: each fragment of a run has the run's verdict.
    analysis.spread(by: fragments)
    // Taken out of the analysis rather than copied, so that the passes below change the
    // page's verdicts in place (a copy of the whole array on their first change otherwise).
    var verdicts: [Verdict?] = []
    swap(&verdicts, &analysis.verdicts)
    CodeGapRule().apply(to: &verdicts, lines: page.lines)
    repeatedLines.run(on: &verdicts, page: page, lines: analysis.lines)
    applyUserRules(
      to: &verdicts, lines: analysis.lines, page: page, language: analysis.language.code,
      report: &report)
    let comments = placeComments(of: analysis, verdicts: &verdicts)
    record(verdicts, on: &page, report: &report, comments: comments, fragments: fragments)
  }

  /// The tokens of each page line of `run`, with the lexicons' ids (as a line's own tokens).
  private func pageLineTokens(of run: Int, in fragments: FragmentRuns, page: Page) -> [[Token]] {
    fragments.runs[run].map { line in
      var text = page.lines[line].text
      return text.withUTF8 { TokenScan($0, vocabulary: lexicons.vocabulary).tokens }
    }
  }

  /// The page's lines gathered into runs of sentence fragments (`FragmentRuns`).
  private func fragmentRuns(of page: Page) -> FragmentRuns {
    FragmentRuns(lines: page.lines.map(\.text), lexicons: lexicons)
  }

  /// The lines of each reader comment that go to the record's `comments`, as
  /// `boilerplate.comments` says: none for `drop`; for `keep`, none either, since their
  /// verdicts become content.
  private func placeComments(of analysis: Analysis, verdicts: inout [Verdict?]) -> [[Int]] {
    guard comments != .drop else { return [] }
    let found = ReaderComments(
      lines: analysis.lines, classes: analysis.classes, ruleVerdicts: analysis.ruleVerdicts,
      verdicts: verdicts)
    guard comments == .keep else { return found.comments }
    for index in found.lineIndices {
      verdicts[index] = Verdict(role: .content, rule: ReaderComments.keepRule)
    }
    return []
  }

  /// The line classifier's features of each non-blank line of `page`, as the stage computes
  /// them before the classifier runs; for `scripts/train_boilerplate.py`, through the
  /// `winnow-features` tool.
  package func lineFeatures(of page: Page) -> [(line: Int, group: String, values: [Float])] {
    let fragments = fragmentRuns(of: page)
    let analysis = analyze(fragments)
    let rows = LineFeatures.rows(
      lines: analysis.lines, classes: analysis.classes, verdicts: analysis.verdicts,
      language: analysis.language)
    let width = LineFeatures.count
    // Each fragment of a run has the run's features, as it gets the run's verdict.
    return page.lines.indices.compactMap { index in
      let run = fragments.runOfLine[index]
      guard analysis.lines[run] != nil else { return nil }
      let group = "\(VerdictGroup(analysis.verdicts[run]))"
      return (page.lines[index].number, group, Array(rows[(run * width)..<((run + 1) * width)]))
    }
  }

  /// The names of `lineFeatures(of:)`'s values, in order.
  package static var lineFeatureNames: [String] { LineFeatures.names }

  /// What the rules and the context pass make of a page.
  private struct Analysis {
    var lines: [LineContext?]
    let language: PageLanguage
    var classes: [ContentClass?]
    /// The built-in rules' verdicts, before the context pass revised them.
    var ruleVerdicts: [Verdict?]
    var verdicts: [Verdict?]

    /// From one entry per run to one per page line: each fragment gets its run's.
    mutating func spread(by fragments: FragmentRuns) {
      guard fragments.joinsAny else { return }
      lines = fragments.spread(lines)
      classes = fragments.spread(classes)
      ruleVerdicts = fragments.spread(ruleVerdicts)
      verdicts = fragments.spread(verdicts)
    }
  }

  /// Lines built before the built-in rules judge them (`analyze`): 16 lines of some twenty
  /// tokens of 24 bytes, 8 KB, stay in the first-level cache.
  static let blockLines = 16

  /// Runs the built-in rules and the context pass over the runs of `fragments`.
  private func analyze(_ fragments: FragmentRuns) -> Analysis {
    let texts = fragments.texts
    // The lines are built and judged by the rules a block at a time: a block's tokens stay in
    // the first-level data cache between the two steps (a page's tokens outgrow it, and a
    // pass over the page per step read them all from further away each time), and each
    // step's code stays in the instruction cache over the block's lines (line by line, the
    // scanner and the rules evicted each other's code). The page's language is tallied as
    // each line is built. By index and text: iterating `page.lines` copied each whole `Line`
    // (its verdict, original text and destination) only to read its text.
    let count = texts.count
    var lines: [LineContext?] = []
    var verdicts: [Verdict?] = []
    var openers: [BoilerplateKind?] = []
    lines.reserveCapacity(count)
    verdicts.reserveCapacity(count)
    openers.reserveCapacity(count)
    var tally = PageLanguage.Tally(lexicons: lexicons)
    var scratch: [Token] = []
    var start = 0
    while start < count {
      let end = min(count, start + Self.blockLines)
      for index in start..<end {
        let text = texts[index]
        let line =
          Self.isBlank(text) ? nil : LineContext(text, lexicons: lexicons, scratch: &scratch)
        if let line { tally.add(line) }
        lines.append(line)
      }
      for index in start..<end {
        let rule = lines[index].flatMap(BuiltInRules.firstMatch)
        verdicts.append(rule.map { Verdict(role: $0.role, rule: $0.id) })
        openers.append(rule?.opensZone)
      }
      start = end
    }
    let language = PageLanguage(tally)
    var classes: [ContentClass?] = lines.map { line in
      line.map { score.classify($0, language: language) }
    }
    score.classifyWrapped(lines, classes: &classes, language: language)
    var context = ContextPass(
      lines: lines, classes: classes, verdicts: verdicts, zoneOpeners: openers,
      joined: fragments.runs.map { $0.count > 1 }, rules: contextRules)
    context.run()
    return Analysis(
      lines: lines, language: language, classes: classes, ruleVerdicts: verdicts,
      verdicts: context.verdicts)
  }

  /// Applies the user's rules in config order (the first match decides a line); notes in
  /// `report` a `drop-document` rule that matched and the searches that ran out of time.
  private func applyUserRules(
    to verdicts: inout [Verdict?], lines: [LineContext?], page: Page, language: String,
    report: inout CleaningReport
  ) {
    let active = userRules.filter { $0.applies(toSource: page.source, language: language) }
      .map { PatternRuleMatcher($0, budget: regexBudget) }
    defer { report.ruleTimeouts += active.reduce(0) { $0 + $1.timeouts } }
    report.documentDropRule = firstMatches(of: active, on: &verdicts, lines: lines, page: page)
  }

  /// The user rules' verdicts; returns the id of a `drop-document` rule that matched.
  private func firstMatches(
    of active: [PatternRuleMatcher], on verdicts: inout [Verdict?], lines: [LineContext?],
    page: Page
  ) -> RuleID? {
    guard !active.isEmpty else { return nil }
    for index in lines.indices {
      guard let line = lines[index] else { continue }
      guard let matcher = active.first(where: { $0.matches(line, raw: page.lines[index].text) })
      else { continue }
      let rule = matcher.rule
      switch rule.action {
      case .dropLine:
        verdicts[index] = Verdict(role: .dropped(rule.kind), rule: rule.id)
      case .keepLine:
        if !(verdicts[index]?.role.isKept ?? false) {
          verdicts[index] = Verdict(role: .content, rule: rule.id)
        }
      case .dropToEnd:
        for later in index..<lines.count where lines[later] != nil {
          verdicts[later] = Verdict(role: .dropped(rule.kind), rule: rule.id)
        }
        return nil
      case .dropDocument:
        return rule.id
      }
    }
    return nil
  }

  /// Writes the verdicts into the page, the title, byline and date into its metadata, the
  /// `comments` (line indices of each) into its comments, and a removal for each dropped line
  /// into the report.
  private func record(
    _ verdicts: [Verdict?], on page: inout Page, report: inout CleaningReport,
    comments: [[Int]], fragments: FragmentRuns
  ) {
    var bylines: [String] = []
    var dates: [String] = []
    for index in comments.joined() { page.lines[index].movedTo = .comments }
    page.comments = comments.map { $0.map { page.lines[$0].text }.joined(separator: "\n") }
    for index in page.lines.indices {
      guard let verdict = verdicts[index] else { continue }
      page.lines[index].verdict = verdict
      let text = page.lines[index].text
      // The title, a byline or a date split into fragments is the run's text, taken once.
      let run = fragments.runOfLine[index]
      // Read only for the title, byline and date: trimming every line cost more than the rest.
      var metadata: String? {
        fragments.runs[run].lowerBound == index ? Self.trimmed(fragments.texts[run]) : nil
      }
      switch verdict.role {
      case .title:
        if page.title == nil, let metadata { page.title = metadata }
      case .byline: if let metadata { bylines.append(metadata) }
      case .date: if let metadata { dates.append(metadata) }
      case .dropped(let kind):
        report.removals.append(
          Removal(
            line: page.lines[index].number, stage: .boilerplate, rule: verdict.rule, kind: kind,
            text: text, movedTo: page.lines[index].movedTo))
      case .content, .heading: break
      }
    }
    if !bylines.isEmpty { page.byline = bylines.joined(separator: "; ") }
    if !dates.isEmpty { page.date = dates.joined(separator: "; ") }
  }

  /// `Line.isBlank`, with a fast path on the UTF-8 bytes: an ASCII character other than white
  /// space settles it at once, and only lines with non-ASCII characters ask `Line.isBlank`.
  private static func isBlank(_ text: String) -> Bool {
    var asciiOnly = true
    for byte in text.utf8 {
      if byte >= 0x80 {
        asciiOnly = false
        break
      }
      if byte != 0x20 && !(0x09...0x0D).contains(byte) { return false }
    }
    return asciiOnly || Line.isBlank(text)
  }

  private static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isSpace }),
      let last = scalars.lastIndex(where: { !$0.isSpace })
    else { return "" }
    return String(scalars[first...last])
  }
}
