/// The `language` section of the config.
public struct LanguageSettings: Codable, Sendable, Equatable {
  public var enabled: Bool
  /// Letters a run needs to stand as a segment of its own; shorter runs join the larger
  /// neighbour. A Han, kana or Hangul character counts as three letters.
  public var minSegmentChars: Int
  /// Paragraphs longer than this many code points are identified sentence by sentence.
  public var sentenceSplitChars: Int

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled
    case minSegmentChars = "min_segment_chars"
    case sentenceSplitChars = "sentence_split_chars"
  }

  /// Values that decode but make no sense.
  func problems() -> [SettingsProblem] {
    var problems: [SettingsProblem] = []
    if minSegmentChars < 1 {
      problems.append(
        SettingsProblem(keyPath: ["min_segment_chars"], message: "must be at least 1"))
    }
    if sentenceSplitChars < 1 {
      problems.append(
        SettingsProblem(keyPath: ["sentence_split_chars"], message: "must be at least 1"))
    }
    return problems
  }
}
