/// A value in the config that decodes but cannot be used (a bad regex, an unknown language),
/// found by a stage's settings when the configuration is checked. The loader turns it into a
/// `ConfigError` located at the key's line and column.
public struct SettingsProblem: Error, Equatable, Sendable {
  /// Key path below the stage's section, e.g. `["rules", "2", "regex"]`.
  public var keyPath: [String]
  public var message: String

  public init(keyPath: [String], message: String) {
    self.keyPath = keyPath
    self.message = message
  }
}

extension SettingsProblem: CustomStringConvertible {
  /// `encoding: unknown encoding 'NOPE'`, for library callers that check settings themselves.
  public var description: String { keyPath.joined(separator: ".") + ": " + message }
}
