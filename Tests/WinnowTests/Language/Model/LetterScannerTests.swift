import Testing

@testable import Winnow

@Suite struct LetterScannerTests {
  private func scanned(_ text: Substring) -> [String] {
    var words: [String] = []
    LetterScanner.scan(text) { value, startsWord, _ in
      let letter = String(Character(Unicode.Scalar(value)!))
      if startsWord { words.append(letter) } else { words[words.count - 1] += letter }
      return true
    }
    return words
  }

  @Test func lowercasesAndSplitsAtNonLetters() {
    #expect(scanned("Ab-CD 3x, ÉTÉ") == ["ab", "cd", "x", "été"])
  }

  @Test func reportsWhichLettersWereUppercase() {
    var uppercase: [Bool] = []
    LetterScanner.scan("aB Éé Ωω" as Substring) { _, _, wasUppercase in
      uppercase.append(wasUppercase)
      return true
    }
    #expect(uppercase == [false, true, true, false, true, false])
  }

  @Test func hanKanaAndHangulLettersAreWordsOfTheirOwn() {
    #expect(scanned("東京タワー한국") == ["東", "京", "タ", "ワ", "ー", "한", "국"])
  }

  @Test func combiningMarksSplitWordsAsInLingua() {
    // U+0915 KA, U+093F vowel sign I (a mark, not a letter), U+0924 TA.
    #expect(scanned("\u{915}\u{93F}\u{924}") == ["\u{915}", "\u{924}"])
  }
}
