/// A word of a line as the cue lexicons and the content score see it: a case-folded run of
/// letters and digits, or one Han, kana or Thai character (scripts written without spaces).
struct Token: Hashable, Sendable {
  /// Lowercased text of the token.
  var text: String
  /// Only digits.
  var isNumber: Bool
  /// One Han, kana or Thai character.
  var isCJK: Bool
  /// Starts with an uppercase letter ("Washington", "AFP").
  var isCapitalized: Bool
  /// Has letters and all of them are uppercase ("AFP", "SUPERPOWERS").
  var isAllCaps: Bool

  /// Splits `text` into tokens; everything that is not a letter, mark or digit separates them.
  static func split(_ text: String) -> [Token] {
    var tokens: [Token] = []
    var run = String.UnicodeScalarView()
    var digitsOnly = true
    var upper = 0
    var lower = 0
    var firstUpper = false

    func flush() {
      guard !run.isEmpty else { return }
      let word = String(run)
      tokens.append(
        Token(
          text: upper > 0 ? word.lowercased() : word, isNumber: digitsOnly, isCJK: false,
          isCapitalized: firstUpper, isAllCaps: upper > 0 && lower == 0))
      run = String.UnicodeScalarView()
      digitsOnly = true
      upper = 0
      lower = 0
      firstUpper = false
    }

    for scalar in text.unicodeScalars {
      if scalar.isSpacelessScript {
        flush()
        tokens.append(
          Token(
            text: String(scalar), isNumber: false, isCJK: true, isCapitalized: false,
            isAllCaps: false))
        continue
      }
      let properties = scalar.properties
      if scalar.isASCII {
        let value = scalar.value
        switch value {
        case 0x30...0x39:
          run.append(scalar)
          continue
        case 0x41...0x5A:
          if run.isEmpty { firstUpper = true }
          upper += 1
        case 0x61...0x7A:
          lower += 1
        default:
          flush()
          continue
        }
        digitsOnly = false
        run.append(scalar)
      } else if properties.isAlphabetic || properties.numericType != nil
        || properties.generalCategory == .nonspacingMark
        || properties.generalCategory == .spacingMark
      {
        if properties.isUppercase {
          if run.isEmpty { firstUpper = true }
          upper += 1
        } else if properties.isLowercase {
          lower += 1
        }
        if properties.numericType != .decimal { digitsOnly = false }
        run.append(scalar)
      } else {
        flush()
      }
    }
    flush()
    return tokens
  }
}

extension Unicode.Scalar {
  /// Han, kana and Thai: scripts written without spaces between words, where each character
  /// counts as a token of its own.
  var isSpacelessScript: Bool {
    switch value {
    case 0x0E00...0x0E7F: true  // Thai
    case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D: true  // kana
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true  // Han
    default: false
    }
  }
}
