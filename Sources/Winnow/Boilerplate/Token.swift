/// A word of a line as the cue lexicons and the content score see it: a case-folded run of
/// letters and digits, or one Han or kana character (`isIdeographicWord`).
///
/// A token is not a `String`: it is identified by a 64-bit hash of its lowercased scalars,
/// so splitting a line allocates nothing per word and lexicon lookups compare integers.
/// Its yes-or-no facts share one byte: 24 bytes a token rather than 32, and the passes read
/// every line's tokens several times.
struct Token: Hashable, Sendable {
  /// FNV-1a hash of the lowercased scalars: equal words have equal hashes.
  var hash: UInt64
  /// Length in Unicode scalars.
  var length: Int32
  /// The token's number in the lexicons' vocabulary, or -1 when no cue or function word is
  /// spelt so.
  var id: Int32 = -1
  /// The languages whose function word this is, as bits over `Lexicons.stopwordLanguages`.
  var stopwords: UInt32 = 0
  /// The facts below, one bit each (`Flag`).
  private var flags: UInt8

  /// The bits of `flags`, in the order the initializer sets them.
  private enum Flag {
    static let number: UInt8 = 1
    static let digit: UInt8 = 2
    static let cjk: UInt8 = 4
    static let capitalized: UInt8 = 8
    static let allCaps: UInt8 = 16
    static let uncased: UInt8 = 32
  }

  init(
    hash: UInt64, length: Int32, isNumber: Bool, hasDigit: Bool, isCJK: Bool,
    isCapitalized: Bool, isAllCaps: Bool, isUncased: Bool = false, id: Int32 = -1,
    stopwords: UInt32 = 0
  ) {
    self.hash = hash
    self.length = length
    self.id = id
    self.stopwords = stopwords
    // A Bool's byte is 0 or 1: shifts and ors, no branches.
    let bits =
      one(isNumber) | one(hasDigit) << 1 | one(isCJK) << 2 | one(isCapitalized) << 3
      | one(isAllCaps) << 4 | one(isUncased) << 5
    flags = UInt8(truncatingIfNeeded: bits)
  }

  /// Only digits.
  var isNumber: Bool { flags & Flag.number != 0 }
  /// Has a digit (with letters: "r2umstd7", "9th").
  var hasDigit: Bool { flags & Flag.digit != 0 }
  /// One Han or kana character.
  var isCJK: Bool { flags & Flag.cjk != 0 }
  /// Starts with an uppercase letter ("Washington", "AFP").
  var isCapitalized: Bool { flags & Flag.capitalized != 0 }
  /// Has letters and all of them are uppercase ("AFP", "SUPERPOWERS").
  var isAllCaps: Bool { flags & Flag.allCaps != 0 }
  /// Has letters and none of them has case: Arabic, Hebrew, Devanagari and the like, where a
  /// name cannot be told from other words by its first letter.
  var isUncased: Bool { flags & Flag.uncased != 0 }

  static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
  static let fnvPrime: UInt64 = 0x100_0000_01b3

  @inline(__always) static func mix(_ hash: UInt64, _ value: UInt32) -> UInt64 {
    (hash ^ UInt64(value)) &* fnvPrime
  }

  /// The hash of a single word as `split` would compute it ("copyright").
  static func hash(_ word: String) -> UInt64 { split(word).first?.hash ?? 0 }

  /// Splits `text` into tokens; everything that is not a letter, mark or digit separates them.
  static func split<S: StringProtocol>(_ text: S) -> [Token] {
    var string = String(text)
    return string.withUTF8 { TokenScan($0).tokens }
  }
}

/// One pass over a line's UTF-8 bytes: its tokens and the counts that come with them.
struct TokenScan {
  var tokens: [Token] = []
  /// Characters that are not white space, Han and kana counting three.
  var size = 0
  /// Saw hiragana or katakana.
  var hasKana = false
  /// Saw "©".
  var hasCopyrightSign = false
  /// Full stops (".") seen.
  var periods = 0

  /// The word being read. A struct of locals rather than variables captured by a nested
  /// function, so that the compiler keeps them in registers.
  private struct Word {
    var hash = Token.fnvOffset
    var length: Int32 = 0
    var digits: Int32 = 0
    var upper: Int32 = 0
    var lower: Int32 = 0
    var firstUpper = false

    @inline(__always) mutating func add(_ value: UInt32) {
      hash = Token.mix(hash, value)
      length &+= 1
    }

    @inline(__always) mutating func addUpper() {
      if length == 0 { firstUpper = true }
      upper &+= 1
    }

    /// Appends the word to `tokens`, if there is one, and starts the next.
    @inline(__always) mutating func end(in tokens: inout [Token], vocabulary: TokenTable?) {
      guard length > 0 else { return }
      let isNumber = digits == length
      let entry = isNumber ? TokenTable.Entry.absent : vocabulary?[hash] ?? .absent
      tokens.append(
        Token(
          hash: hash, length: length, isNumber: isNumber, hasDigit: digits > 0,
          isCJK: false, isCapitalized: firstUpper, isAllCaps: upper > 0 && lower == 0,
          isUncased: upper == 0 && lower == 0 && digits < length, id: entry.id,
          stopwords: entry.stopwords))
      self = Word()
    }
  }

  /// Scans `bytes`; with a `vocabulary`, each token that is not a number gets its id there.
  init(_ bytes: UnsafeBufferPointer<UInt8>, vocabulary: TokenTable? = nil) {
    // Words average more than four bytes with their separator: one allocation for most lines.
    var scratch: [Token] = []
    scratch.reserveCapacity(bytes.count / 4 + 2)
    self.init(bytes, vocabulary: vocabulary, scratch: &scratch)
  }

  /// Scans `bytes` as above, collecting the tokens in `scratch` (emptied first), which the
  /// caller reuses line after line: `tokens` is then a copy of exactly the line's tokens. A
  /// page's lines then cost one allocation of their own size each, with no guess to grow
  /// past (CJK lines have a token every three bytes) and no slack between them in memory.
  init(_ bytes: UnsafeBufferPointer<UInt8>, vocabulary: TokenTable?, scratch: inout [Token]) {
    // The scan appends to a local array (taken from `scratch` and handed back), which the
    // compiler keeps in registers across the loop where it would reload an `inout` one.
    var tokens: [Token] = []
    swap(&tokens, &scratch)
    defer { swap(&tokens, &scratch) }
    tokens.removeAll(keepingCapacity: true)
    var size = 0
    var periods = 0
    var word = Word()
    var position = 0
    let count = bytes.count
    // Read once per line: a `static let` costs a call on every use.
    let ideographicWords = ScriptSets.ideographicWords
    let kana = ScriptSets.kana
    while position < count {
      let lead = bytes[position]
      if lead < 0x80 {
        position &+= 1
        let value = UInt32(lead)
        switch value {
        case 0x30...0x39:
          word.digits &+= 1
          word.add(value)
        case 0x41...0x5A:
          word.addUpper()
          word.add(value + 0x20)
        case 0x61...0x7A:
          word.lower &+= 1
          word.add(value)
        default:
          if value > 0x20 && value != 0x7F { size &+= 1 }
          if value == 0x2E { periods &+= 1 }
          word.end(in: &tokens, vocabulary: vocabulary)
          continue
        }
        size &+= 1
        continue
      }
      // Valid UTF-8 (a Swift string): decode one multi-byte scalar.
      let (value, length) = UTF8Scalars.decode(bytes, at: position)
      position += length
      let scalar = Unicode.Scalar(value)!
      if ideographicWords.contains(scalar) {
        word.end(in: &tokens, vocabulary: vocabulary)
        size += 3
        if kana.contains(scalar) { hasKana = true }
        let cjkHash = Token.mix(Token.fnvOffset, value)
        let entry = vocabulary?[cjkHash] ?? TokenTable.Entry.absent
        tokens.append(
          Token(
            hash: cjkHash, length: 1, isNumber: false, hasDigit: false, isCJK: true,
            isCapitalized: false, isAllCaps: false, id: entry.id, stopwords: entry.stopwords))
        continue
      }
      switch Self.category(of: scalar) {
      case .uppercaseLetter, .titlecaseLetter:
        word.addUpper()
        for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
          word.hash = Token.mix(word.hash, lowered.value)
        }
        word.length &+= 1
      case .lowercaseLetter:
        word.lower &+= 1
        word.add(value)
      case .decimalNumber:
        word.digits &+= 1
        word.add(value)
      case .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark, .enclosingMark,
        .letterNumber, .otherNumber:
        word.add(value)
      case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format:
        word.end(in: &tokens, vocabulary: vocabulary)
        continue
      default:
        if value == 0xA9 { hasCopyrightSign = true }
        size += 1
        word.end(in: &tokens, vocabulary: vocabulary)
        continue
      }
      size += 1
    }
    word.end(in: &tokens, vocabulary: vocabulary)
    self.tokens = Array(tokens[...])
    self.size = size
    self.periods = periods
  }

  /// The general category of a scalar past ASCII (`GeneralCategories`), out of line: the
  /// loop over ASCII bytes, most of a page, keeps its variables in registers.
  @inline(never)
  private static func category(of scalar: Unicode.Scalar) -> Unicode.GeneralCategory {
    GeneralCategories.shared.of(scalar)
  }
}
