/// What a user rule does with a line it matches.
public enum RuleAction: String, Codable, CaseIterable, Sendable {
  /// Drop the line.
  case dropLine = "drop-line"
  /// Keep the line in the text, whatever the built-in rules said.
  case keepLine = "keep-line"
  /// Drop the line and every line after it.
  case dropToEnd = "drop-to-end"
  /// Drop the whole document.
  case dropDocument = "drop-document"
}

/// A user rule as written in the config under `boilerplate.rules`. `kind` and `action` stay
/// strings here so that `UserRules` can name a misspelt value and its
/// near miss; `PatternRule` is the compiled form.
public struct RuleSpec: Codable, Sendable, Equatable {
  /// Shown by `--explain` and in `removed_lines`.
  public var id: String
  /// A `BoilerplateKind` raw value (`navigation`, `promo`, ...); needed by dropping actions.
  public var kind: String?
  /// An ICU regular expression, searched anywhere in the line.
  public var regex: String?
  /// Phrases matched case-insensitively on word boundaries; give this or `regex`.
  public var phrases: [String]?
  /// A `RuleAction` raw value.
  public var action: String
  /// Apply only to pages whose language (as guessed by this stage) is in this list.
  public var languages: [String]?
  /// Apply only to documents whose source path matches one of these globs (`fnmatch`).
  public var sources: [String]?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, kind, regex, phrases, action, languages, sources
  }

  public init(
    id: String, kind: String?, regex: String? = nil, phrases: [String]? = nil, action: String,
    languages: [String]? = nil, sources: [String]? = nil
  ) {
    self.id = id
    self.kind = kind
    self.regex = regex
    self.phrases = phrases
    self.action = action
    self.languages = languages
    self.sources = sources
  }
}
