/// The `language` section of the config.
public struct LanguageSettings: Codable, Sendable, Equatable {
  public var enabled: Bool
}
