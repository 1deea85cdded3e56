/// An identifier of the rule that decided a line: `builtin.counter`, `zh.comment-login`, or
/// the `id` of a user rule from the config.
public struct RuleID: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }
  public var description: String { rawValue }
}

/// The fate of one line.
public enum LineRole: Hashable, Sendable {
  /// Article text: a paragraph of content.
  case content
  /// A heading inside the article.
  case heading
  /// The article's title: leaves the text for the record's `title`.
  case title
  /// A byline ("by AFP Staff Writers"): leaves the text for `byline`.
  case byline
  /// A dateline or date: leaves the text for `date`.
  case date
  /// Boilerplate of the given kind: removed, with a `Removal` in the report.
  case dropped(BoilerplateKind)

  /// True when the line stays in the record's `text`.
  public var isKept: Bool {
    switch self {
    case .content, .heading: true
    case .title, .byline, .date, .dropped: false
    }
  }
}

/// A decision about one line and what made it.
public struct Verdict: Hashable, Sendable {
  public var role: LineRole
  public var rule: RuleID
  /// How sure the rule or model is, 0...1; rules that are certain say 1.
  public var score: Double

  public init(role: LineRole, rule: RuleID, score: Double = 1) {
    self.role = role
    self.rule = rule
    self.score = score
  }
}
