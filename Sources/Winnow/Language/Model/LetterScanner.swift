/// Turns text into the letters the model scores: lowercased, letters only (general category L),
/// words split at every non-letter, and each Han, kana or Hangul letter a word of its own, as
/// Lingua's tables were counted.
enum LetterScanner {
  /// Calls `letter(scalar, startsWord, wasUppercase)` for each lowercased letter of `text`
  /// (`wasUppercase`: the letter changed when lowercased), until it returns false.
  @inline(__always)
  static func scan<Text: ScalarSource>(_ text: Text, _ letter: (UInt32, Bool, Bool) -> Bool) {
    let table = LetterTable.shared
    table.flags.withUnsafeBufferPointer { flags in
      table.lowercase.withUnsafeBufferPointer { lowercase in
        var inWord = false
        text.forEachScalarValue { value in
          if value < 0x80 {
            let lowered = value | 0x20
            if lowered >= 0x61 && lowered <= 0x7A {
              guard letter(lowered, !inWord, lowered != value) else { return false }
              inWord = true
            } else {
              inWord = false
            }
          } else if value < 0x10000 && flags[Int(value)] & LetterTable.hasLongLowercase == 0 {
            let flag = flags[Int(value)]
            if flag & LetterTable.isLetter == 0 {
              inWord = false
            } else if flag & LetterTable.isOneLetterWord != 0 {
              guard letter(UInt32(lowercase[Int(value)]), true, false) else { return false }
              inWord = false
            } else {
              let lowered = UInt32(lowercase[Int(value)])
              guard letter(lowered, !inWord, lowered != value) else { return false }
              inWord = true
            }
          } else {
            // Valid UTF-8 only yields valid scalar values.
            let scalar = Unicode.Scalar(value)!
            guard scalar.properties.changesWhenLowercased else {
              guard let next = visit(scalar, inWord: inWord, wasUppercase: false, letter) else {
                return false
              }
              inWord = next
              return true
            }
            for loweredScalar in scalar.properties.lowercaseMapping.unicodeScalars {
              guard let next = visit(loweredScalar, inWord: inWord, wasUppercase: true, letter)
              else { return false }
              inWord = next
            }
          }
          return true
        }
      }
    }
  }

  /// The slow path, for scalars outside the table: whether the next letter continues a word,
  /// or nil to stop.
  private static func visit(
    _ scalar: Unicode.Scalar, inWord: Bool, wasUppercase: Bool,
    _ letter: (UInt32, Bool, Bool) -> Bool
  ) -> Bool? {
    guard isLetter(scalar) else { return false }
    if scalar.value >= 0x1100, let script = ModelScriptTable.script(of: scalar),
      ModelScriptTable.isOneLetterWordScript(script)
    {
      return letter(scalar.value, true, false) ? false : nil
    }
    return letter(scalar.value, !inWord, wasUppercase) ? true : nil
  }

  /// General category L (Lu, Ll, Lt, Lm, Lo), as Lingua's `\p{L}`.
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      true
    default:
      false
    }
  }
}
