/// The `normalize` section of the config.
public struct NormalizeSettings: Codable, Sendable, Equatable {
  public var enabled: Bool
  /// Undo UTF-8 read as windows-1252, Latin-1, MacRoman or cp437 (`cafÃ©`, `â€™`, `caf√©`),
  /// conservatively.
  public var mojibake: Bool
  /// Decode HTML character references (`&amp;`, `&eacute;`, `&#233;`).
  public var entities: Bool
  /// The Unicode normalization form every line is put into.
  public var form: NormalizationForm
  /// Characters NFKC leaves alone besides CJK punctuation, full-width punctuation and emoji.
  public var nfkcKeep: String
  /// Typographic rules, each off unless the config turns it on.
  public var punctuation: PunctuationSettings

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, mojibake, entities, form, punctuation
    case nfkcKeep = "nfkc_keep"
  }
}

/// `normalize.form`: canonical composition, compatibility composition, or neither.
public enum NormalizationForm: String, Codable, Sendable, CaseIterable {
  case nfc, nfkc, none
}

/// The `normalize.punctuation` section: typographic rewrites, each switchable.
public struct PunctuationSettings: Codable, Sendable, Equatable {
  /// Curly quotes (‘ ’ ‚ ‛ “ ” „ ‟) become `'` and `"`.
  public var quotes: Bool
  /// Hyphens, dashes and the minus sign (U+2010...U+2015, U+2212) become `-`.
  public var dashes: Bool
  /// `…` becomes `...`.
  public var ellipsis: Bool
  /// Full-width letters and digits (`Ａ`, `１`) become ASCII next to Latin text only.
  public var fullwidthASCII: Bool
  /// Spaces before `, . ; : ! ? ) ] }` that end a word are dropped (`word ,` -> `word,`).
  public var spaceBeforePunctuation: Bool

  enum CodingKeys: String, CodingKey, CaseIterable {
    case quotes, dashes, ellipsis
    case fullwidthASCII = "fullwidth_ascii"
    case spaceBeforePunctuation = "space_before_punctuation"
  }
}
