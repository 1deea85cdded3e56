/// The `decode` section of the config.
public struct DecodeSettings: Codable, Sendable, Equatable {
  public var enabled: Bool
}
