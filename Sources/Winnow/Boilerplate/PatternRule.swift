#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A user rule from the config, compiled (by `UserRules`): its regex built once with a time
/// limit, its phrases tokenized. Applied after the built-in rules and the context pass, so it
/// overrides them.
struct PatternRule: Sendable {
  /// A rule the config describes but that cannot be compiled.
  struct Invalid: Error, Equatable, Sendable, CustomStringConvertible {
    var problems: [SettingsProblem]
    var description: String {
      problems.map { "boilerplate.\($0.keyPath.joined(separator: ".")): \($0.message)" }
        .joined(separator: "; ")
    }
  }

  enum Matcher: Sendable {
    case regex(ICURegex)
    case phrases(CueSet)
  }

  let id: RuleID
  let kind: BoilerplateKind
  let action: RuleAction
  let matcher: Matcher
  /// Page languages (as `PageLanguage` guesses them) the rule applies to; nil: all.
  let languages: Set<String>?
  /// Globs on the document's source path; nil: all documents.
  let sources: [String]?
  /// True when the rule's scopes include this document.
  func applies(toSource source: String, language: String) -> Bool {
    if let languages, !languages.contains(language) { return false }
    guard let sources else { return true }
    return sources.contains { fnmatch($0, source, 0) == 0 }
  }
}

/// The per-page state of user rules: each regex gets a matcher (an ICU clone) for the page.
struct PatternRuleMatcher {
  let rule: PatternRule
  private let regex: ICURegex.Matcher?

  /// `budget` is the match time the regex may take over the page
  /// (`limits.regex_time_per_document`; 0: only the limit per search).
  init(_ rule: PatternRule, budget: Int32) {
    self.rule = rule
    if case .regex(let compiled) = rule.matcher {
      regex = compiled.matcher(budget: budget)
    } else {
      regex = nil
    }
  }

  /// Searches given up for lack of time on this page.
  var timeouts: Int { regex?.timeouts ?? 0 }

  func matches(_ line: LineContext, raw: String) -> Bool {
    switch rule.matcher {
    case .regex: regex?.matches(raw) ?? false
    case .phrases(let phrases): phrases.occurs(in: line.tokens)
    }
  }
}
