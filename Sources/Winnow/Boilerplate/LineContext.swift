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
  /// Han and kana characters (`isIdeographicWord`).
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
  /// Tokens that are numbers, that have a digit, that start with an uppercase letter, and
  /// that are all uppercase; and the letters and digits of all tokens (Han and kana counting
  /// three). The line classifier's features: counted here, with the tokens in the cache, so
  /// that its rows read each token's function-word bits and hash alone.
  let numberTokens: Int32
  let digitTokens: Int32
  let capitalizedTokens: Int32
  let allCapsTokens: Int32
  let letters: Int32

  /// One hash of the line's tokens in order (case-folded words; punctuation and spacing do
  /// not count): lines of the same words share it. Computed with the tokens, while they are
  /// in the cache, for the rules that look for repeated lines.
  let tokensKey: UInt64
  /// The cue sets (`CueSet.bit`) a phrase of which starts at some token of the line: a set
  /// whose bit is clear has no phrase here, and the rules asking it need not read the tokens.
  let cueStarts: UInt32
  /// The first and last bytes of `text` (0 when it is empty), for the rules that look for a
  /// line starting or ending in some character: most lines are ruled out by a byte.
  let firstByte: UInt8
  let lastByte: UInt8

  convenience init(_ raw: String, lexicons: Lexicons) {
    var scratch: [Token] = []
    self.init(raw, lexicons: lexicons, scratch: &scratch)
  }

  /// `scratch` is a buffer the caller reuses from line to line (`TokenScan`).
  init(_ raw: String, lexicons: Lexicons, scratch: inout [Token]) {
    var string = raw
    let (trim, scan, lineEnd) = string.withUTF8 { bytes in
      let trim = Trim(bytes)
      let line = UnsafeBufferPointer(rebasing: bytes[trim.start..<trim.end])
      return (
        trim, TokenScan(line, vocabulary: lexicons.vocabulary, scratch: &scratch),
        LineEnd(line)
      )
    }
    firstByte = lineEnd.firstByte
    lastByte = lineEnd.lastByte
    let utf8 = raw.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: trim.start)
    let end = utf8.index(utf8.startIndex, offsetBy: trim.end)
    let text = Substring(raw.unicodeScalars[start..<end])
    self.text = text
    startsWithBullet = trim.bullet
    self.lexicons = lexicons
    let tokens = scan.tokens
    self.tokens = tokens
    size = scan.size
    hasKana = scan.hasKana
    hasCopyrightSign = scan.hasCopyrightSign
    periods = scan.periods
    var words = 0
    var cjk = 0
    var lowercase = 0
    var numbers: Int32 = 0
    var digits: Int32 = 0
    var capitalized: Int32 = 0
    var allCaps: Int32 = 0
    var letters: Int32 = 0
    var key = Token.mix(Token.fnvOffset, UInt32(truncatingIfNeeded: tokens.count))
    var cues: UInt32 = 0
    let cueStarts = lexicons.cueStarts
    for token in tokens {
      key = (key ^ token.hash) &* Token.fnvPrime
      if token.id >= 0 { cues |= cueStarts[Int(token.id)] }
      if token.isCJK { cjk += 1 }
      if !token.isNumber { words += 1 }
      if !token.isCJK && !token.isNumber && !token.isCapitalized && !token.isAllCaps {
        lowercase += 1
      }
      numbers &+= token.isNumber ? 1 : 0
      digits &+= token.hasDigit ? 1 : 0
      capitalized &+= token.isCapitalized ? 1 : 0
      allCaps &+= token.isAllCaps ? 1 : 0
      letters &+= token.isCJK ? 3 : token.length
    }
    tokensKey = key
    self.cueStarts = cues
    numberTokens = numbers
    digitTokens = digits
    capitalizedTokens = capitalized
    allCapsTokens = allCaps
    self.letters = letters
    wordCount = words
    cjkCount = cjk
    lowercaseWords = lowercase
    let last = lineEnd.lastScalar ?? LineContext.lastBeforeClosers(text)
    endsWithEllipsis = last == "…" || lineEnd.hasThreeDots
    endsSentence =
      last.map { LineContext.isTerminal($0) || $0.isOfScriptWithoutSentenceStops } ?? false
  }

  /// The last scalar of `text` before its closing quotes, brackets and spaces, if any.
  static func lastBeforeClosers(_ text: Substring) -> Unicode.Scalar? {
    let scalars = text.unicodeScalars
    var end = scalars.endIndex
    while end > scalars.startIndex {
      let before = scalars.index(before: end)
      guard isCloser(scalars[before]) else { return scalars[before] }
      end = before
    }
    return nil
  }

  /// Where the line's text lies in its UTF-8 bytes once the white space around it and a
  /// list bullet are taken off. Read from the bytes: walking `unicodeScalars` by index cost
  /// a validation per step, and most lines start and end in ASCII.
  private struct Trim {
    var start = 0
    var end: Int
    var bullet = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      end = bytes.count
      while start < end, Self.scalar(in: bytes, at: start).isSpace {
        start += Self.length(of: bytes[start])
      }
      while end > start {
        var before = end - 1
        // Back over continuation bytes to the scalar's lead byte.
        while bytes[before] & 0xC0 == 0x80 { before -= 1 }
        guard Self.scalar(in: bytes, at: before).isSpace else { break }
        end = before
      }
      guard start < end, LineContext.isBullet(Self.scalar(in: bytes, at: start)) else { return }
      let next = start + Self.length(of: bytes[start])
      guard next == end || Self.scalar(in: bytes, at: next).isSpace else { return }
      bullet = true
      start = next
      while start < end, Self.scalar(in: bytes, at: start).isSpace {
        start += Self.length(of: bytes[start])
      }
    }

    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int)
      -> Unicode.Scalar
    {
      Unicode.Scalar(UTF8Scalars.decode(bytes, at: index).value).unsafelyUnwrapped
    }

    /// The length of the scalar whose lead byte is `lead`.
    @inline(__always) private static func length(of lead: UInt8) -> Int {
      lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
  }

  /// What the line's last bytes say without walking its scalars from the end, which cost
  /// more than the rest of the line's counts apart from its tokens.
  private struct LineEnd {
    /// The last scalar before the closers, when the line ends in an ASCII character that is
    /// no closer (most lines): that character. Nil when the walk must find it.
    var lastScalar: Unicode.Scalar?
    /// Ends with "...".
    var hasThreeDots: Bool
    /// The line's first and last bytes, 0 for an empty line.
    var firstByte: UInt8
    var lastByte: UInt8

    init(_ line: UnsafeBufferPointer<UInt8>) {
      firstByte = line.first ?? 0
      lastByte = line.last ?? 0
      let dot = UInt8(ascii: ".")
      hasThreeDots =
        line.count >= 3 && line[line.count - 1] == dot
        && line[line.count - 2] == dot && line[line.count - 3] == dot
      lastScalar = nil
      if let byte = line.last, byte < 0x80, !LineContext.isCloser(Unicode.Scalar(byte)) {
        lastScalar = Unicode.Scalar(byte)
      }
    }
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
  /// Unicode's White_Space property, spelled out: its 25 code points have not changed since
  /// Unicode 6.3, and the property's table lookup per scalar was a hot spot on lines of
  /// scripts without spaces (`UnicodeScalarTests` checks the two agree on every scalar).
  var isSpace: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      true
    default: false
    }
  }
}
