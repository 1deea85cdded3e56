/// Named sets of characters by script, for the stages that must treat writing systems
/// differently: one definition each, instead of a range list per stage.
extension Unicode.Scalar {
  /// Han and kana: scripts written without spaces whose every character is about a word, so
  /// that each counts as a token of its own (and Chinese or Japanese function words apply).
  /// Thai, Lao, Khmer, Myanmar and Tibetan are spaceless too, but their words are several
  /// letters long: they are read as runs of letters like any alphabet.
  var isIdeographicWord: Bool {
    switch value {
    case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D: true  // kana
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true  // Han
    default: false
    }
  }

  /// Letters and marks of Thai and Lao, which write no sentence punctuation: a space or the
  /// end of the line ends a sentence, so a line ending in one of them ends a sentence.
  var isOfScriptWithoutSentenceStops: Bool {
    (0x0E01...0x0E4E).contains(value) || (0x0E81...0x0ECE).contains(value)
  }
}
