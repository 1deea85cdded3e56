/// Settings that can find problems a decoder cannot see: a regex that does not compile, a
/// number out of range, a language code nobody knows.
///
/// The loader calls `problems()` on every section after decoding and turns each problem into a
/// `ConfigError` at the line of the offending key, so a stage only says what is wrong and where
/// below its own section (`SettingsProblem.keyPath`).
public protocol ValidatedSettings {
  func problems() -> [SettingsProblem]
}

extension ValidatedSettings {
  public func problems() -> [SettingsProblem] { [] }
}
