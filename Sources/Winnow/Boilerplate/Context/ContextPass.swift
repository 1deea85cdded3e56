/// The second pass of the boilerplate stage: revises the rules' context-free verdicts by
/// position, zone and neighbours, and decides the lines no rule claimed.
///
/// The pass runs its `ContextRules` in order: timestamps and captions follow their
/// neighbours; the title is found and its repeats dropped; the head of the page (before the
/// title) is chrome; lines no rule claimed are decided by their content score and their
/// neighbours (jusText's context pass); zone headers below the start of the body
/// ("Related Links", "Kommentare") drop what follows them up to the next block of content
/// (comment zones to the end of the page), unless the comment header is a link above the
/// article or a related or comment header a link under every item of the page's list; a long list of
/// items that the content score dropped outside the zones comes back, and so does a grid of
/// items whose units repeat a marker line ("Add to Cart"); and a list of
/// headlines under the article, behind chrome, stays dropped as related links.
struct ContextPass {
  /// The pass's rules with their thresholds, built once per stage from the settings.
  struct Rules: Sendable {
    let imageCaption: ImageCaptionRule
    let aboveTitle: AboveTitleRule
    let contentScore: ContentScoreRule

    /// `headingReach` is `boilerplate.length_high`.
    init(settings: ContextSettings, headingReach: Int) {
      imageCaption = ImageCaptionRule(maxWords: settings.captionMaxWords)
      aboveTitle = AboveTitleRule(maxWords: settings.chromeMaxWords)
      contentScore = ContentScoreRule(
        headingMaxWords: settings.headingMaxWords, chromeMaxWords: settings.chromeMaxWords,
        headingReach: headingReach)
    }
  }

  let lines: [LineContext?]
  let classes: [ContentClass?]
  var verdicts: [Verdict?]
  /// The zone each line opens, if its rule opens one (and `CommentLinkRule` did not find it
  /// to be a link above the article).
  var zoneOpeners: [BoilerplateKind?]
  /// Which lines are not blank, to find neighbours without copying line contexts.
  let present: [Bool]
  /// Which lines are runs of several fragments that `FragmentRuns` joined.
  let joined: [Bool]
  /// Which lines the built-in rules took for a date, before position and zones revised
  /// them (a zone drops the date under each teaser with the teaser).
  let dated: [Bool]
  let rules: Rules

  init(
    lines: [LineContext?], classes: [ContentClass?], verdicts: [Verdict?],
    zoneOpeners: [BoilerplateKind?], joined: [Bool], rules: Rules
  ) {
    self.lines = lines
    self.classes = classes
    self.verdicts = verdicts
    self.zoneOpeners = zoneOpeners
    self.joined = joined
    self.rules = rules
    present = lines.map { $0 != nil }
    dated = verdicts.map { $0?.role == .date }
  }

  mutating func run() {
    TeaserTimeRule().apply(to: &self)
    rules.imageCaption.apply(to: &self)
    var bodyStart = BodyStart().find(in: self)
    let title = TitleRule().apply(
      to: &self, before: bodyStart ?? min(lines.count, TitleRule.headLinesWithoutBody))
    if let title {
      DuplicateTitleRule().apply(to: &self, title: title)
      rules.aboveTitle.apply(to: &self, title: title)
      DeckRule().apply(to: &self, title: title, body: bodyStart ?? title)
    }
    rules.contentScore.apply(to: &self)
    if let body = HeadIslandRule().apply(to: &self) { bodyStart = max(body, bodyStart ?? body) }
    CommentLinkRule().apply(to: &self, bodyStart: bodyStart ?? lines.count)
    ItemLinkRule().apply(to: &self)
    ZoneRule().apply(to: &self, bodyStart: bodyStart ?? lines.count)
    ListItemsRule().apply(to: &self)
    ItemUnitsRule().apply(to: &self)
    RelatedHeadlinesRule().apply(to: &self)
    if let title { TitleOnlyRule().apply(to: &self, title: title) }
  }

  // MARK: - Shared by the rules

  func previousLine(before index: Int) -> Int? {
    (0..<index).last { present[$0] }
  }

  func nextLine(after index: Int) -> Int? {
    ((index + 1)..<lines.count).first { present[$0] }
  }

  /// A verdict that position and neighbours may overrule: none, kept text, meta, or a drop
  /// by the content score alone.
  func isWeak(_ verdict: Verdict?) -> Bool {
    guard let verdict else { return true }
    switch verdict.role {
    case .content, .heading, .byline, .date: return true
    case .title: return false
    case .dropped: return verdict.rule == ContentScoreRule.id
    }
  }

  /// The line was dropped by the content score alone.
  func isScoreDrop(_ index: Int) -> Bool {
    guard case .dropped = verdicts[index]?.role else { return false }
    return verdicts[index]?.rule == ContentScoreRule.id
  }

  /// Items joined by separators: "« Older | Main | Newer »".
  static func isMenuLike(_ line: LineContext) -> Bool {
    var separators = 0
    for scalar in line.text.unicodeScalars where scalar == "|" || scalar == "«" || scalar == "»" {
      separators += 1
    }
    return separators >= 2
  }

  /// "... so far. Deep fake ...": a full stop after a lowercase word of three letters or
  /// more, then a space and a capital. Abbreviations ("U.S. Defense", "Mr. Austin") have
  /// capitals or one letter before their stops.
  static func holdsSentenceEnd(_ text: Substring) -> Bool {
    var lowercaseRun = 0
    var afterStop = 0
    for scalar in text.unicodeScalars {
      if afterStop == 1 {
        afterStop = scalar == " " ? 2 : 0
      } else if afterStop == 2 {
        if scalar.properties.isUppercase { return true }
        afterStop = 0
      }
      if scalar == "." && lowercaseRun >= 3 { afterStop = 1 }
      lowercaseRun = scalar.properties.isLowercase ? lowercaseRun + 1 : 0
    }
    return false
  }
}
