/// The `boilerplate.context` section: the word counts by which the context pass tells site
/// chrome, headings and captions from text.
public struct ContextSettings: Codable, Sendable, Equatable {
  /// Lines above the title with at most this many words are site chrome (name, sections,
  /// menu); a dropped line this short is navigation, a longer one junk.
  public var chromeMaxWords: Int
  /// A short line just before running text, without sentence punctuation, of at most this
  /// many words is a heading.
  public var headingMaxWords: Int
  /// A line right under an image file name, of at most this many words and no sentence, is
  /// the image's caption.
  public var captionMaxWords: Int

  enum CodingKeys: String, CodingKey, CaseIterable {
    case chromeMaxWords = "chrome_max_words"
    case headingMaxWords = "heading_max_words"
    case captionMaxWords = "caption_max_words"
  }

  /// Values that decode but cannot be used, with key paths below `context`.
  func problems() -> [SettingsProblem] {
    let counts: [(CodingKeys, Int)] = [
      (.chromeMaxWords, chromeMaxWords), (.headingMaxWords, headingMaxWords),
      (.captionMaxWords, captionMaxWords),
    ]
    return counts.filter { $0.1 < 1 }.map {
      SettingsProblem(keyPath: [$0.0.rawValue], message: "must be at least 1")
    }
  }
}
