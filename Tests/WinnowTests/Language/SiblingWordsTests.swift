import Testing

@testable import Winnow

@Suite struct SiblingWordsTests {
  static let words = SiblingWords.bundled
  static let identifier = LanguageIdentifier()

  @Test func theBundledWordsTellTheSiblingsApartBothWays() throws {
    let malay = try #require(Self.words.lead(of: "ms", over: "id", in: ["kerana", "wang"]))
    #expect(malay > 2)
    let indonesian = try #require(Self.words.lead(of: "id", over: "ms", in: ["karena", "uang"]))
    #expect(indonesian > 2)
    let nynorsk = try #require(Self.words.lead(of: "nn", over: "nb", in: ["ikkje"]))
    #expect(nynorsk > 2)
    let bokmaal = try #require(Self.words.lead(of: "nb", over: "da", in: ["hva", "etter"]))
    #expect(bokmaal > 2)
    #expect(Self.words.lead(of: "en", over: "de", in: ["the"]) == nil)
  }

  @Test func wordsAreLowercasedRunsOfLetters() {
    let text: Substring = "Tidak ADA uang, kata-nya 12 kali."
    #expect(
      SiblingWords.words(of: text, table: .shared, letterLimit: 100)
        == ["tidak", "ada", "uang", "kata", "nya", "kali"])
    #expect(SiblingWords.words(of: text, table: .shared, letterLimit: 8) == ["tidak", "ada"])
  }

  /// Each word is built from UTF-8 bytes: letters of two, three and four bytes, uppercase ones
  /// lowercased, and a combining mark inside a word kept, must come out as the same strings.
  @Test func wordsKeepEveryLetterAndMarkOfAnyLength() {
    let text: Substring = "ŽELIM Ćevape, и ДА 𐐀bc; cafe\u{301}s\u{301} \u{301}x"
    #expect(
      SiblingWords.words(of: text, table: .shared, letterLimit: 100).map { Array($0.utf8) }
        == ["želim", "ćevape", "и", "да", "𐐨bc", "cafe\u{301}s\u{301}", "x"].map {
          Array($0.utf8)
        })
  }

  @Test func aFileWithALineItCannotReadIsRejectedWithTheLine() {
    #expect(throws: SiblingWords.FormatError.self) {
      try SiblingWords(parsing: "pair ms id\nkerana 30\nwang\n")
    }
    #expect(throws: SiblingWords.FormatError.self) { try SiblingWords(parsing: "kerana 30\n") }
  }

  /// The n-gram model alone reads these as the other sibling.
  @Test func theWordsDecideBetweenSiblingsTheModelConfuses() {
    #expect(Self.identifier.identify("Tidak ada uang.").language == "id")
    #expect(Self.identifier.identify("Jeg vet det ikke.").language == "nb")
  }
}
