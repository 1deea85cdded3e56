/// The `language` section of the config.
public struct LanguageSettings: Codable, Sendable, Equatable {
  public var enabled: Bool
  /// Letters a sentence or paragraph needs to stand as a segment of its own; shorter ones
  /// join the larger neighbour. A Han, kana or Hangul character counts as three letters.
  public var minSegmentChars: Int
  /// Letters a run of one script needs to be a segment of its own when its paragraph also
  /// has letters of another script: a name or a quoted word joins the text around it.
  public var minScriptRunChars: Int
  /// Paragraphs longer than this many code points are identified sentence by sentence.
  public var sentenceSplitChars: Int
  /// Letters a run of sentences needs to take a language other than its paragraph's: one
  /// odd sentence (a header line, a title, a quote full of names) stays with its paragraph.
  public var minSentenceRunChars: Int
  /// How much better (mean log-probability per letter) such a run must fit its own language
  /// than the paragraph's: a sentence full of names fits a third language only slightly.
  public var minSentenceRunLead: Double
  /// A segment guessed with less confidence (0...1) takes the language of a confident
  /// neighbour in the same script, or becomes `und`.
  public var minConfidence: Double

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled
    case minSegmentChars = "min_segment_chars"
    case minScriptRunChars = "min_script_run_chars"
    case sentenceSplitChars = "sentence_split_chars"
    case minSentenceRunChars = "min_sentence_run_chars"
    case minSentenceRunLead = "min_sentence_run_lead"
    case minConfidence = "min_confidence"
  }

  /// Values that decode but make no sense.
  public func problems() -> [SettingsProblem] {
    var problems: [SettingsProblem] = []
    if minSegmentChars < 1 {
      problems.append(
        SettingsProblem(keyPath: ["min_segment_chars"], message: "must be at least 1"))
    }
    if minScriptRunChars < 1 {
      problems.append(
        SettingsProblem(keyPath: ["min_script_run_chars"], message: "must be at least 1"))
    }
    if sentenceSplitChars < 1 {
      problems.append(
        SettingsProblem(keyPath: ["sentence_split_chars"], message: "must be at least 1"))
    }
    if minSentenceRunChars < 1 {
      problems.append(
        SettingsProblem(keyPath: ["min_sentence_run_chars"], message: "must be at least 1"))
    }
    if !(minSentenceRunLead >= 0) {
      problems.append(
        SettingsProblem(keyPath: ["min_sentence_run_lead"], message: "must be at least 0"))
    }
    if !(0...1).contains(minConfidence) {
      problems.append(
        SettingsProblem(keyPath: ["min_confidence"], message: "must be between 0 and 1"))
    }
    return problems
  }
}
