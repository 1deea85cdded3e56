/// The `normalize` section of the config.
public struct NormalizeSettings: Codable, Sendable, Equatable {
  public var enabled: Bool
  /// Undo UTF-8 read as windows-1252 (`cafÃ©`, `â€™`), conservatively.
  public var mojibake: Bool
  /// Decode HTML character references (`&amp;`, `&eacute;`, `&#233;`).
  public var entities: Bool
  /// Put every line into Unicode NFC.
  public var nfc: Bool

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, mojibake, entities, nfc
  }
}
