/// The effective configuration: `config/default.yaml` with a user's file laid over it.
///
/// Defaults live in `default.yaml` only (compiled into the binary); the settings types carry
/// no default values of their own, so the two can never disagree.
public struct Configuration: Codable, Sendable, Equatable {
  public var limits: LimitSettings
  public var decode: DecodeSettings
  public var normalize: NormalizeSettings
  public var boilerplate: BoilerplateSettings
  public var language: LanguageSettings
  public var output: OutputSettings
}

/// Bounds on what one document may cost.
public struct LimitSettings: Codable, Sendable, Equatable {
  /// Larger documents are errors `too-large`.
  public var maxDocumentBytes: Int
  /// Pages with more lines are errors `too-large`.
  public var maxLines: Int
  /// Match time each user regex may take over one document (0: no budget).
  public var regexTimePerDocument: Int

  enum CodingKeys: String, CodingKey, CaseIterable {
    case maxDocumentBytes = "max_document_bytes"
    case maxLines = "max_lines"
    case regexTimePerDocument = "regex_time_per_document"
  }
}

/// What a record holds beyond the text.
public struct OutputSettings: Codable, Sendable, Equatable {
  /// Emit documents with nothing left as records with empty text instead of dropping them.
  public var keepEmpty: Bool

  enum CodingKeys: String, CodingKey, CaseIterable {
    case keepEmpty = "keep_empty"
  }
}
