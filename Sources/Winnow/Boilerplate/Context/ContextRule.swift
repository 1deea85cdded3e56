/// What kind of evidence a context rule weighs, for the line classifier's verdict groups
/// (`VerdictGroup`): the content score, a zone, or the line's position and neighbours.
enum ContextEvidence: Sendable {
  case contentScore
  case zone
  case position
}

/// One rule of the context pass: a small type with the id its verdicts carry.
protocol ContextRule: Sendable {
  /// The id shown by `--explain` and counted under `removed`.
  static var id: RuleID { get }
  static var evidence: ContextEvidence { get }
}

/// The context pass's rules, in the order the pass runs them.
enum ContextRules {
  static let all: [any ContextRule.Type] = [
    TeaserTimeRule.self, ImageCaptionRule.self, TitleRule.self, DuplicateTitleRule.self,
    AboveTitleRule.self, DeckRule.self, ContentScoreRule.self, CommentLinkRule.self,
    ItemLinkRule.self, ZoneRule.self, ListItemsRule.self, ItemUnitsRule.self,
    RelatedHeadlinesRule.self, TitleOnlyRule.self,
  ]

  private static let evidenceByID: [RuleID: ContextEvidence] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.id, $0.evidence) })

  /// The evidence behind a verdict of the context pass; nil for the verdicts of other passes
  /// (the built-in line rules).
  static func evidence(of rule: RuleID) -> ContextEvidence? { evidenceByID[rule] }
}
