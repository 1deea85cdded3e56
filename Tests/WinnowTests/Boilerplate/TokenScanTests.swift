import Testing

@testable import Winnow

/// `TokenScan` classes ASCII letters and digits eight bytes at a time and reads the general
/// category of common scalars from a table: its tokens and counts must be those of a scan
/// that asks the standard library about every scalar, one at a time.
@Suite struct TokenScanTests {
  @Test func eightBytesAtOnceScanLikeOneScalarAtATime() {
    var generator = SeededGenerator(seed: 5)
    let pieces = [
      "a", "Z", "word", "Words", "NEWS", "x7", "2023", "0", " ", "  ", ".", ",", "-", "/", "\t",
      "\u{7F}", "@", "[", "`", "{", "é", "É", "ß", "Ω", "ω", "Ж", "ж", "ǅ", "İ", "ا", "ש",
      "\u{0301}", "٣", "“", "”", "—", "…", "\u{2028}", "\u{200B}", "\u{A0}", "©", "中", "の",
      "カ", "한", "ก", "😀", "ABCDEFGHIJ", "abcdefghijklmnop", "a1b2c3d4e5",
    ]
    for _ in 0..<3000 {
      let count = Int.random(in: 0...20, using: &generator)
      let line = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
      var text = line
      let scan = text.withUTF8 { TokenScan($0) }
      let reference = Reference(line)
      #expect(scan.tokens.map(Reference.Facts.init) == reference.tokens, "\(line.debugDescription)")
      #expect(scan.size == reference.size, "\(line.debugDescription)")
      #expect(scan.periods == reference.periods, "\(line.debugDescription)")
      #expect(scan.hasKana == reference.hasKana, "\(line.debugDescription)")
      #expect(scan.hasCopyrightSign == reference.hasCopyrightSign, "\(line.debugDescription)")
    }
  }

  /// The scan one scalar at a time, every category from the standard library.
  private struct Reference {
    struct Facts: Equatable {
      var hash: UInt64
      var length: Int32
      var isNumber, hasDigit, isCJK, isCapitalized, isAllCaps, isUncased: Bool

      init(_ token: Token) {
        hash = token.hash
        length = token.length
        isNumber = token.isNumber
        hasDigit = token.hasDigit
        isCJK = token.isCJK
        isCapitalized = token.isCapitalized
        isAllCaps = token.isAllCaps
        isUncased = token.isUncased
      }

      init(
        hash: UInt64, length: Int32, digits: Int32, upper: Int32, lower: Int32,
        firstUpper: Bool, isCJK: Bool
      ) {
        self.hash = hash
        self.length = length
        isNumber = !isCJK && digits == length
        hasDigit = digits > 0
        self.isCJK = isCJK
        isCapitalized = firstUpper
        isAllCaps = upper > 0 && lower == 0
        isUncased = !isCJK && upper == 0 && lower == 0 && digits < length
      }
    }

    var tokens: [Facts] = []
    var size = 0
    var periods = 0
    var hasKana = false
    var hasCopyrightSign = false

    init(_ line: String) {
      var hash = Token.fnvOffset
      var length: Int32 = 0
      var digits: Int32 = 0
      var upper: Int32 = 0
      var lower: Int32 = 0
      var firstUpper = false
      func end() {
        if length > 0 {
          tokens.append(
            Facts(
              hash: hash, length: length, digits: digits, upper: upper, lower: lower,
              firstUpper: firstUpper, isCJK: false))
        }
        (hash, length, digits, upper, lower, firstUpper) = (Token.fnvOffset, 0, 0, 0, 0, false)
      }
      for scalar in line.unicodeScalars {
        if scalar.value >= 0x80 && scalar.isIdeographicWord {
          end()
          size += 3
          if ScriptSets.kana.contains(scalar) { hasKana = true }
          tokens.append(
            Facts(
              hash: Token.mix(Token.fnvOffset, scalar.value), length: 1, digits: 0, upper: 0,
              lower: 0, firstUpper: false, isCJK: true))
          continue
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter:
          if length == 0 { firstUpper = true }
          upper += 1
          for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
            hash = Token.mix(hash, lowered.value)
          }
          length += 1
        case .lowercaseLetter:
          lower += 1
          hash = Token.mix(hash, scalar.value)
          length += 1
        case .decimalNumber:
          digits += 1
          hash = Token.mix(hash, scalar.value)
          length += 1
        case .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark, .enclosingMark,
          .letterNumber, .otherNumber:
          hash = Token.mix(hash, scalar.value)
          length += 1
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format:
          if scalar.value > 0x20 && scalar.value < 0x80 && scalar.value != 0x7F { size += 1 }
          end()
          continue
        default:
          if scalar == "©" { hasCopyrightSign = true }
          if scalar == "." { periods += 1 }
          end()
        }
        size += 1
      }
      end()
    }
  }
}
