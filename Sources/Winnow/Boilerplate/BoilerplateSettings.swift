/// The `boilerplate` section of the config.
public struct BoilerplateSettings: Codable, Sendable, Equatable {
  public var enabled: Bool
}
