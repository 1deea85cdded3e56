/// How implausible a decoding of a sample looks: wrong charsets give replacement
/// characters, stray controls, words that switch script (`cafe้` is windows-1252 read as
/// windows-874) or case mid-word (`ðÒÉ×ÅÔ` is KOI8-R read as windows-1252), and symbols glued
/// to letters (KOI8-R's box drawing where KOI8-U has Ukrainian letters), and accented
/// Latin letters, or Cyrillic ones, that no one language uses together (`LatinAlphabetFit`,
/// `CyrillicAlphabetFit`), and combining
/// marks with no letter to sit on (Thai vowel signs where windows-874 misreads Cyrillic),
/// and Han text made mostly of rare characters (Thai or Korean bytes read as GB18030 or
/// EUC-JP give well-formed Han, but seldom the characters real text is made of), and
/// half-width katakana with no other Japanese beside it (Thai read as Shift_JIS), and
/// letters right after an ordinal indicator (`Preºedintele` is ISO-8859-16's `ș` read as
/// Latin-1; `nº 5` and `1ª` are right), and a word of a script other than Latin opened by a
/// closing quote (`’νοιξε` is windows-1253's `Ά` read as ISO-8859-7; Latin `’n`, `’s` are
/// right), and a letter right after a symbol (`isStraySymbol`), and symbols text seldom
/// uses where a sibling code page has a letter or `€` (`¤ ¦ ¨ ¸`).
struct DecodingPlausibility {
  /// Penalty points, summed over the sample.
  private(set) var penalty = 0
  private(set) var scalarCount = 0

  /// Penalty points per scalar: 0 for text that looks right.
  var rate: Double { Double(penalty) / Double(max(scalarCount, 1)) }

  init(_ text: String) {
    var previousScript: UInt32? = nil
    var previousWasLower = false
    var previousWasLetter = false
    var accentedLetters: [Unicode.Scalar: Int] = [:]
    var cyrillicLetters: [Unicode.Scalar: Int] = [:]
    var hanCount = 0
    var rareHanCount = 0
    var kanaCount = 0
    var halfWidthKanaCount = 0
    var previousWasOrdinal = false
    var previousOpensWord = false
    var previousWasSpace = true
    var previousWasStraySymbol = false
    for scalar in text.unicodeScalars {
      scalarCount += 1
      let value = scalar.value
      let afterOrdinal = previousWasOrdinal
      let afterOpeningQuote = previousOpensWord
      let afterStraySymbol = previousWasStraySymbol
      previousWasStraySymbol = value >= 0x80 && Self.isStraySymbol(scalar)
      previousWasOrdinal = value == 0xAA || value == 0xBA
      previousOpensWord = value == 0x2019 && previousWasSpace
      previousWasSpace = value == 0x20 || value == 0x0A
      if value < 0x80 {
        if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
          let isLower = value >= 0x61
          penalty += afterOrdinal ? Self.letterAfterOrdinalPenalty : 0
          penalty += afterStraySymbol ? 1 : 0
          penalty += Self.letterPenalty(
            script: 1, isLower: isLower, previousScript: previousScript,
            previousWasLower: previousWasLower)
          previousScript = 1
          previousWasLower = isLower
          previousWasLetter = true
          continue
        }
        if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C {
          penalty += 5
        }
        if value == 0x20 || value < 0x20 { previousScript = nil }
        // A capital after a hyphen or an apostrophe opens a name (`Sept-Îles`, `l'Île`).
        if value == 0x2D || value == 0x27 { previousWasLower = false }
        previousWasLetter = false
        continue
      }
      if let letter = LatinAlphabetFit.accentedLetter(scalar) {
        accentedLetters[letter, default: 0] += 1
      } else if let letter = CyrillicAlphabetFit.distinctiveLetter(scalar) {
        cyrillicLetters[letter, default: 0] += 1
      } else if Self.isHan(value) {
        hanCount += 1
        rareHanCount += CommonHan.characters.contains(scalar) ? 0 : 1
      } else if (0x3040...0x30FF).contains(value) {
        kanaCount += 1
      } else if (0xFF66...0xFF9F).contains(value) {
        halfWidthKanaCount += 1
      }
      if ScalarTraits.of(scalar).contains(.alphabetic) {
        if afterOrdinal || (afterOpeningQuote && Self.script(of: value) != 1) {
          penalty += Self.letterAfterOrdinalPenalty
        }
        penalty += afterStraySymbol ? 1 : 0
      }
      penalty += Self.nonASCIIPenalty(
        scalar, previousScript: &previousScript, previousWasLower: &previousWasLower,
        previousWasLetter: &previousWasLetter)
    }
    penalty += LatinAlphabetFit.misfits(accentedLetters)
    penalty += CyrillicAlphabetFit.misfits(cyrillicLetters)
    penalty += max(0, rareHanCount - (hanCount + 1) / 2)
    if hanCount + kanaCount == 0 { penalty += halfWidthKanaCount }
  }

  /// What a letter right after `ª` or `º`, or a letter of a script other than Latin after a
  /// word-opening `’`, costs: as much as a script switch in a word.
  static let letterAfterOrdinalPenalty = 2

  /// A symbol that no letter follows in right text: not punctuation that opens, closes or
  /// sits in words (`¿`, `«`, `’s`, `l·l`), not `°` (`°C`). `¦ibenik` is ISO-8859-15's `Š`
  /// read as Latin-1, `´Tere` Estonian ISO-8859-13's `“`.
  static func isStraySymbol(_ scalar: Unicode.Scalar) -> Bool {
    let traits = ScalarTraits.of(scalar)
    guard traits.isDisjoint(with: [.alphabetic, .mark, .whitespace, .decimalNumber]),
      !isWordPunctuation(scalar), scalar.value != 0xA1, scalar.value != 0xBF,
      scalar.value != 0xB0
    else { return false }
    switch scalar.properties.generalCategory {
    case .openPunctuation, .initialPunctuation, .finalPunctuation: return false
    default: return true
    }
  }

  /// Ideographs (unified, extension A and beyond, compatibility), not kana.
  static func isHan(_ value: UInt32) -> Bool {
    (0x3400...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value) || value >= 0x20000
  }

  private static func nonASCIIPenalty(
    _ scalar: Unicode.Scalar, previousScript: inout UInt32?, previousWasLower: inout Bool,
    previousWasLetter: inout Bool
  ) -> Int {
    let value = scalar.value
    switch value {
    case 0xFFFD: return 10
    case 0x80...0x9F: return 5
    // Symbols text seldom uses, where a sibling code page has a letter or `€`: the currency
    // sign, the broken bar, the spacing diaeresis and cedilla (Latin-1's `¤ ¦ ¨ ¸` are
    // ISO-8859-15's `€ Š š ž`).
    case 0xA4, 0xA6, 0xA8, 0xB8: return 1
    case 0xE000...0xF8FF: return 3
    default: break
    }
    let traits = ScalarTraits.of(scalar)
    if traits.contains(.whitespace) {
      previousScript = nil
      previousWasLetter = false
      return 0
    }
    if traits.contains(.mark) {
      // A mark belongs on a letter: after a space or punctuation it is a misread byte.
      return previousWasLetter ? 0 : 2
    }
    if traits.contains(.alphabetic) {
      let isLower = traits.contains(.lowercase)
      let penalty = letterPenalty(
        script: script(of: value), isLower: isLower, previousScript: previousScript,
        previousWasLower: previousWasLower)
      previousScript = script(of: value)
      previousWasLower = isLower
      previousWasLetter = true
      return penalty
    }
    defer { previousWasLetter = false }
    let glued =
      previousWasLetter && !isWordPunctuation(scalar) && !traits.contains(.decimalNumber)
    return glued ? 1 : 0
  }

  /// A letter that switches script inside a word costs 2, one that turns upper case after a
  /// lower-case letter costs 1.
  private static func letterPenalty(
    script: UInt32, isLower: Bool, previousScript: UInt32?, previousWasLower: Bool
  ) -> Int {
    guard let previousScript else { return 0 }
    if previousScript != script { return 2 }
    return previousWasLower && !isLower && script < 4 ? 1 : 0
  }

  /// Punctuation that follows letters in correct text.
  private static func isWordPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xA0, 0xAB, 0xB7, 0xBB, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x303F,
      0x30FB, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF5B...0xFF65, 0x0589, 0x05BE, 0x05C3, 0x060C,
      0x061B,
      0x061F, 0x06D4, 0x0964, 0x0965, 0x0E2F, 0x0E46, 0x0E5A, 0x0E5B:
      true
    default: false
    }
  }

  /// A script family for the mixing test: Latin 1, Greek 2, Cyrillic 3, then others; Han
  /// and kana share one (Japanese mixes them in a word), with the ideographic iteration and
  /// kana repeat marks (`清々しい`); half-width katakana has its own.
  static func script(of value: UInt32) -> UInt32 {
    switch value {
    case ..<0x250, 0x1E00...0x1EFF: 1
    case 0x370...0x3FF, 0x1F00...0x1FFF: 2
    case 0x400...0x52F: 3
    case 0x590...0x5FF, 0xFB1D...0xFB4F: 4
    case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: 5
    case 0xE00...0xE7F: 6
    case 0x3005...0x3007, 0x3021...0x3029, 0x3031...0x3035, 0x303B, 0x3040...0x30FF,
      0x3400...0x9FFF, 0xF900...0xFAFF, 0xFF21...0xFF5A, 0x20000...:
      7
    case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: 8
    case 0xFF66...0xFF9F: 9
    default: 100 + (value >> 7)
    }
  }
}
