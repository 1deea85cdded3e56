/// A built-in rule that may decide the fate of one line by looking at that line alone.
///
/// Rules are the context-free first pass; `ContextPass` then revises their verdicts by zone
/// and neighbours.
protocol LineRule: Sendable {
  /// The id shown by `--explain`, e.g. `builtin.counter`.
  var id: RuleID { get }
  /// What a matching line becomes: a dropped kind, or a byline or date.
  var role: LineRole { get }
  /// When set, a matching line is a header that opens a zone of this kind, which runs to the
  /// next block of content ("Related Links", "Kommentare").
  var opensZone: BoilerplateKind? { get }

  /// True when the rule applies to the line.
  func matches(_ line: LineContext) -> Bool
}

extension LineRule {
  var opensZone: BoilerplateKind? { nil }
}

/// The built-in rules in the order they are tried: the first that matches decides.
enum BuiltInRules {
  static let all: [any LineRule] = [
    PunctuationOnlyRule(),
    LegalNoticeRule(),
    CommentWidgetRule(),
    ProfileCardRule(),
    RelatedHeaderRule(),
    CommentHeaderRule(),
    CommenterLineRule(),
    ReplySubjectRule(),
    AuthorBioHeaderRule(),
    WidgetRule(),
    SocialButtonsRule(),
    PromoRule(),
    NavigationCueRule(),
    DatelineRule(),
    CounterRule(),
    ImageFileNameRule(),
    PhotoCreditRule(),
    TeaserRule(),
    TaglineBioRule(),
    StrayFragmentRule(),
    BylineRule(),
  ]
}
