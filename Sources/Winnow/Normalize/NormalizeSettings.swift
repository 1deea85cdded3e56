/// The `normalize` section of the config.
public struct NormalizeSettings: Codable, Sendable, Equatable {
  public var enabled: Bool
}
