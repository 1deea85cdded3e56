import Testing

@testable import Winnow

@Suite struct EncodingRankerTests {
  typealias Guess = ICUCharsetDetector.Guess

  @Test func singleByteCharsetsOfEveryScriptAreTriedWhateverICUGuessed() {
    let names = EncodingRanker.candidates(
      [Guess(name: "EUC-JP", confidence: 0.62), Guess(name: "GB18030", confidence: 0.5)],
      hasNul: false
    ).map(\.name)
    #expect(Array(names.prefix(2)) == ["EUC-JP", "GB18030"])
    for name in ["windows-874", "windows-1257", "ISO-8859-16", "KOI8-U", "windows-1252"] {
      #expect(names.contains(name))
    }
  }

  @Test func addedCharsetsInheritICUsWeakestConfidence() {
    let candidates = EncodingRanker.candidates(
      [Guess(name: "ISO-8859-1", confidence: 0.4), Guess(name: "ISO-8859-2", confidence: 0.2)],
      hasNul: false)
    #expect(candidates.first { $0.name == "windows-1257" }?.confidence == 0.2)
    #expect(candidates.first { $0.name == "ISO-8859-1" }?.confidence == 0.4)
  }

  @Test func unicodeGuessesComeLastWithoutNuls() {
    let guesses = [
      Guess(name: "UTF-16BE", confidence: 0.1), Guess(name: "KOI8-R", confidence: 0.1),
    ]
    let withoutNul = EncodingRanker.candidates(guesses, hasNul: false).map(\.name)
    #expect(withoutNul.last == "UTF-16BE")
    #expect(withoutNul.contains("KOI8-U"))
    #expect(EncodingRanker.candidates(guesses, hasNul: true).map(\.name).first == "UTF-16BE")
  }

  @Test func differingWordsAreLettersOfOneScriptForLettersOfThatScript() throws {
    let words = try #require(
      DifferingWords("Ji nustatė, jog aš", "Ji nustatë, jog aš"))
    #expect(words.first == "nustatė, ")
    #expect(words.second == "nustatë, ")
    #expect(DifferingWords("değil", "de๐il") == nil)
    #expect(DifferingWords("sadrži", "sadr¾i") == nil)
    #expect(DifferingWords("abc", "abcd") == nil)
    #expect(DifferingWords("1º", "1ș") == nil)
  }

  /// The shared words around a differing one, on its line only, tell its language.
  @Test func differingWordsKeepTheSharedWordsAroundThemOnTheirLine() throws {
    let words = try #require(
      DifferingWords(
        "Home | News\nDa poche ore è arrivato l'ok", "Home | News\nDa poche ore č arrivato l'ok"))
    #expect(words.first == "è ")
    #expect(words.second == "č ")
    #expect(words.firstLetters == "è ")
    #expect(words.context == "Da poche ore arrivato l'ok ")
  }

  @Test func oneWordThatDiffersInShapeLeavesTheChoiceToPlausibility() {
    #expect(DifferingWords("è più città", "Ë piÙ citt‡") == nil)
  }

  /// A long page: three accented Catalan words among English menus. Read as ISO-8859-2 they
  /// are Slovak-looking letters (`ŕ`, `č`), as clean as the right ones; judged on the words
  /// that differ, Catalan wins over the ASCII around them.
  @Test func languageFitReadsOnlyTheWordsThatDiffer() throws {
    let menus = String(repeating: "Home News Sports Weather Contact us About the site ", count: 20)
    let text = menus + "Va dir que això és més fàcil i que tornarà demà. " + menus
    let bytes = try #require(Self.encode(text, "windows-1252"))
    let choice = try #require(
      EncodingRanker.choose(
        bytes[...], icuCandidates: [Guess(name: "ISO-8859-2", confidence: 0.5)],
        fit: NgramFit(model: .bundled)))
    let decoded = try CharsetConverter.convert(bytes[...], from: choice.name).get()
    #expect(decoded.text.utf8.elementsEqual(text.utf8))
  }

  /// Lithuanian `ė` is `ë` in Latin-1 and Turkish `ğ` is Icelandic `ð`: one letter, which
  /// looks as clean either way; the n-gram model knows which language's letter it is.
  @Test(arguments: [
    ("Policija nustatė, kad automobilis buvo pavogtas.", "windows-1257", "ISO-8859-1"),
    ("Bu kitabı okumadın değil mi?", "windows-1254", "ISO-8859-1"),
  ])
  func languageFitBreaksTiesBetweenEquallyCleanDecodings(
    text: String, charset: String, icuGuess: String
  ) throws {
    let bytes = try #require(Self.encode(text, charset))
    let choice = EncodingRanker.choose(
      bytes[...], icuCandidates: [Guess(name: icuGuess, confidence: 0.5)],
      fit: NgramFit(model: .bundled))
    let chosen = try #require(choice)
    let decoded = try CharsetConverter.convert(bytes[...], from: chosen.name).get()
    #expect(decoded.text == text)
  }

  /// Bytes of `text` in a single-byte charset, found by decoding every byte value once.
  static func encode(_ text: String, _ charset: String) -> [UInt8]? {
    let all = (0...255).map { UInt8($0) }
    guard case .success(let table) = CharsetConverter.convert(all[...], from: charset) else {
      return nil
    }
    var byteOf: [Unicode.Scalar: UInt8] = [:]
    for (byte, scalar) in zip(all, table.text.unicodeScalars) where byteOf[scalar] == nil {
      byteOf[scalar] = byte
    }
    var bytes: [UInt8] = []
    for scalar in text.unicodeScalars {
      guard let byte = byteOf[scalar] else { return nil }
      bytes.append(byte)
    }
    return bytes
  }
}
