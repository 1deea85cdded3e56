import Synchronization

/// The user rules of the config (`boilerplate.rules`), checked and compiled in one go: each
/// regex is built once, by the validation the config loader runs, and the stage takes the
/// compiled rules from there instead of compiling them again.
struct UserRules: Sendable {
  /// What the rules were compiled from; a stage built from other rules compiles its own.
  let specs: [RuleSpec]
  let timeLimit: Int
  /// The rules' problems, with key paths below `boilerplate`.
  let problems: [SettingsProblem]
  /// The compiled rules, in config order; complete only when `problems` is empty.
  let rules: [PatternRule]

  /// Checks and compiles `specs`; `timeLimit` is `boilerplate.regex_time_limit`.
  init(specs: [RuleSpec], timeLimit: Int) {
    self.specs = specs
    self.timeLimit = timeLimit
    var problems: [SettingsProblem] = []
    var rules: [PatternRule] = []
    var seen: Set<String> = []
    for (index, spec) in specs.enumerated() {
      let path = ["rules", String(index)]
      let before = problems.count
      func report(_ below: [String], _ message: String) {
        problems.append(SettingsProblem(keyPath: path + below, message: message))
      }
      if spec.id.isEmpty { report(["id"], "must not be empty") }
      if !seen.insert(spec.id).inserted { report(["id"], "duplicate rule id '\(spec.id)'") }
      let action = RuleAction(rawValue: spec.action)
      if action == nil {
        report(["action"], Self.unknown("action", spec.action, RuleAction.allCases))
      }
      let kind = spec.kind.flatMap(BoilerplateKind.init(rawValue:))
      if let written = spec.kind, kind == nil {
        report(["kind"], Self.unknown("kind", written, BoilerplateKind.allCases))
      } else if spec.kind == nil, action != nil, action != .keepLine {
        report(["kind"], "a rule that drops needs a kind")
      }
      var matcher: PatternRule.Matcher?
      switch (spec.regex, spec.phrases) {
      case (nil, nil): report([], "needs either 'regex' or 'phrases'")
      case (.some, .some): report([], "has both 'regex' and 'phrases'; give one")
      case (.some(let pattern), nil):
        do {
          matcher = .regex(try ICURegex(pattern, timeLimit: Int32(clamping: timeLimit)))
        } catch {
          report(["regex"], "invalid regex: \(error)")
        }
      case (nil, .some(let phrases)):
        if phrases.isEmpty || phrases.contains(where: { Token.split($0).isEmpty }) {
          report(["phrases"], "each phrase needs a letter or digit")
        } else {
          matcher = .phrases(CueSet(phrases: phrases))
        }
      }
      for (position, glob) in (spec.sources ?? []).enumerated() where glob.isEmpty {
        report(["sources", String(position)], "empty glob")
      }
      if problems.count == before, let action, let matcher {
        rules.append(
          PatternRule(
            id: RuleID(rawValue: spec.id), kind: kind ?? .junk, action: action, matcher: matcher,
            languages: spec.languages.map(Set.init), sources: spec.sources))
      }
    }
    self.problems = problems
    self.rules = rules
  }

  private static func unknown<Value: RawRepresentable<String>>(
    _ what: String, _ value: String, _ allowed: [Value]
  ) -> String {
    let names = allowed.map(\.rawValue)
    var message = "unknown \(what) '\(value)'"
    if let near = NearMiss.suggestion(for: value, among: names) {
      message += "; did you mean '\(near)'?"
    }
    return message + " (one of: \(names.joined(separator: ", ")))"
  }
}

/// Keeps the last `UserRules` a `BoilerplateSettings` value compiled, so that the stage built
/// from a loaded configuration reuses the loader's compilation. Copies of the settings share
/// it; a copy whose rules were changed misses it and compiles its own.
///
/// The compiled regexes are immutable and shared by all workers; each page matches through
/// its own clone (`ICURegex.Matcher`), so sharing them is safe.
final class UserRuleCache: Sendable, Equatable {
  private let last = Mutex<UserRules?>(nil)

  /// The rules compiled from `specs`, compiled now unless they were already.
  func rules(for specs: [RuleSpec], timeLimit: Int) -> UserRules {
    last.withLock { last in
      if let last, last.timeLimit == timeLimit, last.specs == specs { return last }
      let compiled = UserRules(specs: specs, timeLimit: timeLimit)
      last = compiled
      return compiled
    }
  }

  /// A cache is not part of the settings' value: any two are equal.
  static func == (lhs: UserRuleCache, rhs: UserRuleCache) -> Bool { true }
}
