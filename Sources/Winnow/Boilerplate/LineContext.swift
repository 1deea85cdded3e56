/// What the rules look at in one line: its trimmed text, its tokens and a few counts,
/// computed once per line.
///
/// A class: the passes hand lines around in arrays and loops, and a reference is one
/// retain where a struct of strings and arrays copied three.
final class LineContext: Sendable {
  /// The line without leading and trailing white space and list bullets.
  let text: Substring
  let tokens: [Token]
  /// The cue lexicons, shared by all lines.
  let lexicons: Lexicons
  /// Tokens that are not numbers (each Han or kana character counts as one).
  let wordCount: Int
  /// Han, kana and Thai characters.
  let cjkCount: Int
  /// Length in characters, without white space, Han and kana counting three (a Han
  /// character carries about as much text as a short Latin word).
  let size: Int
  /// Begins with a list bullet ("•", "*", "·", "▪", "-").
  let startsWithBullet: Bool
  /// Ends like a sentence: ".", "!", "?", "。" and the like, before closing quotes; or, in
  /// Thai and Lao, which have no such stops, with a letter.
  let endsSentence: Bool
  /// Ends with "..." or "…" (a cut teaser).
  let endsWithEllipsis: Bool
  /// Has hiragana or katakana (so Japanese rather than Chinese).
  let hasKana: Bool
  /// Has "©".
  let hasCopyrightSign: Bool
  /// Number of full stops (".").
  let periods: Int
  /// Latin-script words starting with a lowercase letter ("talks", "to").
  let lowercaseWords: Int

  init(_ raw: String, lexicons: Lexicons) {
    let scalars = raw.unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, scalars[start].isSpace { start = scalars.index(after: start) }
    while end > start, scalars[scalars.index(before: end)].isSpace {
      end = scalars.index(before: end)
    }
    var bullet = false
    if start < end, LineContext.isBullet(scalars[start]) {
      let next = scalars.index(after: start)
      if next == end || scalars[next].isSpace {
        bullet = true
        start = next
        while start < end, scalars[start].isSpace {
          start = scalars.index(after: start)
        }
      }
    }
    let text = Substring(scalars[start..<end])
    self.text = text
    startsWithBullet = bullet
    self.lexicons = lexicons
    var string = raw
    let utf8Start = raw.utf8.distance(from: raw.startIndex, to: start)
    let utf8End = raw.utf8.distance(from: raw.startIndex, to: end)
    let scan = string.withUTF8 {
      TokenScan(
        UnsafeBufferPointer(rebasing: $0[utf8Start..<utf8End]), vocabulary: lexicons.vocabulary)
    }
    let tokens = scan.tokens
    self.tokens = tokens
    size = scan.size
    hasKana = scan.hasKana
    hasCopyrightSign = scan.hasCopyrightSign
    periods = scan.periods
    var words = 0
    var cjk = 0
    var lowercase = 0
    for token in tokens {
      if token.isCJK { cjk += 1 }
      if !token.isNumber { words += 1 }
      if !token.isCJK && !token.isNumber && !token.isCapitalized && !token.isAllCaps {
        lowercase += 1
      }
    }
    wordCount = words
    cjkCount = cjk
    lowercaseWords = lowercase
    let textScalars = text.unicodeScalars
    var lastIndex = textScalars.endIndex
    while lastIndex > textScalars.startIndex {
      let before = textScalars.index(before: lastIndex)
      guard LineContext.isCloser(textScalars[before]) else { break }
      lastIndex = before
    }
    let last =
      lastIndex > textScalars.startIndex
      ? textScalars[textScalars.index(before: lastIndex)] : nil
    endsWithEllipsis = last == "…" || text.utf8.suffix(3).elementsEqual("...".utf8)
    endsSentence =
      last.map { LineContext.isTerminal($0) || $0.isOfScriptWithoutSentenceStops } ?? false
  }

  /// List bullets: "•", "*", "·", "▪", "■", "●", "◦", "-", "–", "►", "▶".
  static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "•", "*", "·", "▪", "■", "●", "◦", "-", "–", "►", "▶": true
    default: false
    }
  }

  /// What may close a sentence after its final stop: quotes, brackets, spaces.
  static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "”", "’", "»", "」", "』", ")", "）", "]", " ": true
    default: false
    }
  }

  /// Sentence stops: ".", "!", "?", "。", "！", "？", "．", ";", "；", the danda of Indic
  /// scripts ("।", "॥"), Arabic "؟" and "؛", Urdu "۔", Armenian "։", Ethiopic "።", Burmese
  /// "။", Khmer "។" and Tibetan "།", "༎".
  static func isTerminal(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ".", "!", "?", "。", "！", "？", "．", ";", "；", "।", "॥", "؟", "؛", "۔", "։", "።", "။",
      "។", "།", "༎":
      true
    default: false
    }
  }
}

extension Unicode.Scalar {
  /// White space, with a fast path for ASCII (Unicode properties are a table lookup).
  var isSpace: Bool {
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    return properties.isWhitespace
  }
}
