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

/// Something that walks the built-in rules, one concrete rule type at a time.
protocol LineRuleVisitor {
  /// Sees the next rule; returns true to end the walk.
  mutating func visit<Rule: LineRule>(_ rule: Rule) -> Bool
}

/// The built-in rules in the order they are tried: the first that matches decides.
enum BuiltInRules {
  /// Shows each rule to `visitor`, in order, until it asks to stop. Generic over the visitor
  /// and the rules, so that judging a line calls each rule directly instead of copying it out
  /// of an existential box (every line meets every rule).
  static func walk<Visitor: LineRuleVisitor>(_ visitor: inout Visitor) {
    if visitor.visit(PunctuationOnlyRule()) { return }
    if visitor.visit(LegalNoticeRule()) { return }
    if visitor.visit(CommentWidgetRule()) { return }
    if visitor.visit(ProfileCardRule()) { return }
    if visitor.visit(RelatedHeaderRule()) { return }
    if visitor.visit(CommentHeaderRule()) { return }
    if visitor.visit(CommenterLineRule()) { return }
    if visitor.visit(ReplySubjectRule()) { return }
    if visitor.visit(AuthorBioHeaderRule()) { return }
    if visitor.visit(WidgetRule()) { return }
    if visitor.visit(SocialButtonsRule()) { return }
    if visitor.visit(PromoRule()) { return }
    if visitor.visit(NavigationCueRule()) { return }
    if visitor.visit(DatelineRule()) { return }
    if visitor.visit(CounterRule()) { return }
    if visitor.visit(ImageFileNameRule()) { return }
    if visitor.visit(PhotoCreditRule()) { return }
    if visitor.visit(TeaserRule()) { return }
    if visitor.visit(TaglineBioRule()) { return }
    if visitor.visit(StrayFragmentRule()) { return }
    if visitor.visit(BylineRule()) { return }
  }

  /// The rules, in order.
  static let all: [any LineRule] = {
    var collector = Collector()
    walk(&collector)
    return collector.rules
  }()

  /// What the first rule that matches a line says of it. A plain struct rather than the rule
  /// in an existential box: the stage reads it three times a line, and each read of a box
  /// copied the rule out of it.
  struct Match {
    let id: RuleID
    let role: LineRole
    let opensZone: BoilerplateKind?
  }

  /// What the first rule that matches `line` says of it, or nil.
  static func firstMatch(_ line: LineContext) -> Match? {
    var finder = FirstMatch(line: line)
    walk(&finder)
    return finder.found
  }

  private struct Collector: LineRuleVisitor {
    var rules: [any LineRule] = []

    mutating func visit<Rule: LineRule>(_ rule: Rule) -> Bool {
      rules.append(rule)
      return false
    }
  }

  private struct FirstMatch: LineRuleVisitor {
    let line: LineContext
    var found: Match? = nil

    mutating func visit<Rule: LineRule>(_ rule: Rule) -> Bool {
      guard rule.matches(line) else { return false }
      found = Match(id: rule.id, role: rule.role, opensZone: rule.opensZone)
      return true
    }
  }
}
