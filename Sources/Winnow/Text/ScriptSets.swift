/// Named sets of characters by script, for the stages that must treat writing systems
/// differently: one definition each, built once from ICU's Script and Script_Extensions
/// (`UnicodeScripts`) instead of a range list per stage.
enum ScriptSets {
  /// Han and kana: scripts written without spaces whose every character is about a word.
  /// Includes the marks only they use (the prolonged sound mark `ー`, the iteration marks
  /// `々` and `ゝ`), not the punctuation they share with Bopomofo, Hangul and Yi (`、`, `・`).
  static let ideographicWords = UnicodeScripts.shared.codePoints(
    writtenIn: ["Hani", "Hira", "Kana"])

  /// Hiragana and katakana, with the marks only they use: what tells Japanese from Chinese.
  static let kana = UnicodeScripts.shared.codePoints(writtenIn: ["Hira", "Kana"])

  /// Letters and marks of Thai and Lao, which write no sentence punctuation.
  static let lettersWithoutSentenceStops = UnicodeScripts.shared.codePoints(
    writtenIn: ["Thai", "Laoo"], where: \.isLetterOrMark)

  /// Mongolian, whose suffixes are set off by a narrow no-break space.
  static let mongolian = UnicodeScripts.shared.codePoints(writtenIn: ["Mong"])
}

extension Unicode.Scalar {
  /// Han and kana (`ScriptSets.ideographicWords`): each counts as a token of its own (and
  /// Chinese or Japanese function words apply). Thai, Lao, Khmer, Myanmar and Tibetan are
  /// spaceless too, but their words are several letters long: they are read as runs of
  /// letters like any alphabet.
  var isIdeographicWord: Bool { ScriptSets.ideographicWords.contains(self) }

  /// Letters and marks of Thai and Lao, which write no sentence punctuation: a space or the
  /// end of the line ends a sentence, so a line ending in one of them ends a sentence.
  var isOfScriptWithoutSentenceStops: Bool {
    ScriptSets.lettersWithoutSentenceStops.contains(self)
  }

  /// Mongolian (`ScriptSets.mongolian`).
  var isMongolian: Bool { ScriptSets.mongolian.contains(self) }

  /// A letter (any general category L) or a mark (M).
  fileprivate var isLetterOrMark: Bool {
    switch properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .nonspacingMark, .spacingMark, .enclosingMark:
      true
    default: false
    }
  }
}
