/// The `decode` section of the config.
public struct DecodeSettings: Codable, Sendable, Equatable {
  public var enabled: Bool
  /// `auto` to sniff BOMs, check UTF-8 and ask ICU's detector; otherwise a charset name ICU
  /// knows (`UTF-8`, `GB18030`, `windows-1252`, ...) used for every document.
  public var encoding: String

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, encoding
  }

  /// The charset forced by `encoding`, or nil for `auto`.
  var forcedEncoding: String? { encoding.lowercased() == "auto" ? nil : encoding }

  /// Throws when `encoding` names a charset ICU does not know: for callers that set
  /// `encoding` after loading (`--encoding`, library users).
  public func check() throws(SettingsProblem) {
    if let problem = problems().first { throw problem }
  }
}

extension DecodeSettings: ValidatedSettings {
  public func problems() -> [SettingsProblem] {
    guard let forced = forcedEncoding, CharsetConverter.canonicalName(forced) == nil else {
      return []
    }
    return [
      SettingsProblem(
        keyPath: [CodingKeys.encoding.rawValue],
        message: "unknown encoding '\(forced)' (use 'auto' or a name ICU knows)")
    ]
  }
}
