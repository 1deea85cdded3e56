/// A problem in a config file, located well enough to fix without searching:
///
///     config/site.yaml:14:5: boilerplate.rules[2].acton: unknown key; did you mean 'action'?
///
/// `description` is that one line; the CLI prints it and exits 2 (nothing is processed).
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Problem: Equatable, Sendable {
    /// The file could not be read (`reason` is the system's, e.g. "No such file or directory").
    case unreadable(reason: String)
    /// The text is not YAML; `message` is the parser's.
    case syntax(message: String)
    /// A key no setting uses; `suggestion` is the valid key nearest to it, if one is near.
    case unknownKey(suggestion: String?)
    /// A required key is absent (only possible inside list items: defaults fill the rest).
    case missingKey(String)
    /// The value has the wrong shape, e.g. a list where a mapping belongs.
    case wrongType(expected: String, found: String)
    /// The value has the right type but is not allowed, e.g. an unknown enum case or a bad
    /// regex; `message` says why and what would be accepted.
    case invalidValue(message: String)
  }

  /// The config file as the user named it.
  public var file: String
  /// Where in the config, e.g. `boilerplate.rules[2].action`; empty for the whole file.
  public var keyPath: String
  public var line: Int?
  public var column: Int?
  public var problem: Problem

  public init(file: String, keyPath: String, line: Int?, column: Int?, problem: Problem) {
    self.file = file
    self.keyPath = keyPath
    self.line = line
    self.column = column
    self.problem = problem
  }

  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    text += ": "
    if !keyPath.isEmpty { text += Self.abbreviated(keyPath) + ": " }
    return text + Self.abbreviated(problemDescription)
  }

  /// Longer parts of a message are cut: a key or value of megabytes (a hostile config)
  /// must not be echoed whole to the terminal.
  static let maxPartLength = 300

  private static func abbreviated(_ text: String) -> String {
    guard text.count > maxPartLength else { return text }
    return String(text.prefix(maxPartLength)) + "... (\(text.count) characters in all)"
  }

  private var problemDescription: String {
    switch problem {
    case .unreadable(let reason): "cannot read: \(reason)"
    case .syntax(let message): "YAML syntax error: \(message)"
    case .unknownKey(let suggestion?): "unknown key; did you mean '\(suggestion)'?"
    case .unknownKey(nil): "unknown key"
    case .missingKey(let key): "missing key '\(key)'"
    case .wrongType(let expected, let found): "expected \(expected), found \(found)"
    case .invalidValue(let message): message
    }
  }
}
