import Foundation
import Testing
import Yams

@testable import Winnow

/// `config/lexicons.yaml`: every list is one the stage reads, and each covers the languages
/// the issue asks for, so a misspelt key or a forgotten language cannot go unnoticed.
@Suite struct LexiconTests {
  static let file: [String: [String: [String]]] = {
    let yaml = String(decoding: PackageResources.lexicons_yaml, as: UTF8.self)
    return try! YAMLDecoder().decode([String: [String: [String]]].self, from: yaml)
  }()

  static let categories: Set<String> = [
    "navigation", "social", "promo", "legal", "comment_widget", "profile_card",
    "commenter_verb", "related_header", "comment_header", "author_bio_header", "widget",
    "byline_prefix", "photo_credit", "counter", "date_words", "buy_button", "review_header",
    "first_person", "cookie_words", "cookie_context", "stopwords", "continuing_words",
  ]

  /// Lists that only some languages have: words after which no sentence ends are a closed
  /// class in languages that write spaces and put articles and prepositions first.
  static let partial: Set<String> = ["continuing_words"]

  @Test func everyListIsKnown() {
    #expect(Set(Self.file.keys) == Self.categories)
  }

  @Test(arguments: categories.subtracting(partial).sorted())
  func coversTheRequiredLanguages(category: String) {
    let languages = Set(Self.file[category, default: [:]].keys)
    for language in Self.languages {
      #expect(languages.contains(language), "\(category) lacks \(language)")
    }
    #expect(Self.file[category, default: [:]].values.allSatisfy { !$0.isEmpty })
  }

  /// The nine languages of the first lexicons and the sixteen that issue 3 added.
  static let languages = [
    "en", "zh", "de", "fr", "es", "pt", "it", "ru", "ja", "nl", "pl", "sv", "da", "nb", "fi",
    "cs", "tr", "id", "vi", "ar", "uk", "el", "ro", "hu", "hi",
  ]

  /// The stage reads the file from Yams' tree, not through `YAMLDecoder`: the lists must be
  /// the decoder's, byte for byte.
  @Test func readsTheListsTheDecoderReads() throws {
    let yaml = String(decoding: PackageResources.lexicons_yaml, as: UTF8.self)
    func bytes(_ lists: [String: [String: [String]]]) -> [String: [String: [[UInt8]]]] {
      lists.mapValues { $0.mapValues { $0.map { Array($0.utf8) } } }
    }
    #expect(bytes(try Lexicons.lists(yaml: yaml)) == bytes(Self.file))
    #expect(throws: (any Error).self) { try Lexicons.lists(yaml: "navigation: [home]") }
  }

  /// Every language's function words get a bit of `Token.stopwords`, a `UInt32`.
  @Test func everyStopwordListHasItsBit() {
    let lists = Self.file["stopwords", default: [:]]
    #expect(lists.count <= 32)
    #expect(Lexicons.builtIn.stopwordLanguages == lists.keys.sorted())
    for language in lists.keys {
      #expect(Lexicons.builtIn.stopwordBit(language) != 0, "\(language)")
    }
  }

  /// The normalize stage leaves text in NFC, and tokens compare scalar by scalar: a phrase in
  /// another form (Devanagari nukta letters, decomposed accents) would never match.
  @Test(arguments: categories.sorted())
  func phrasesAreInNFC(category: String) {
    for (language, phrases) in Self.file[category, default: [:]] {
      for phrase in phrases {
        let nfc = phrase.precomposedStringWithCanonicalMapping
        #expect(
          Array(phrase.unicodeScalars) == Array(nfc.unicodeScalars), "\(language): \(phrase)")
      }
    }
  }

  @Test func cuePhrasesMatchOnTokens() {
    let lexicons = Lexicons.builtIn
    let line = LineContext("Más Noticias", lexicons: lexicons)
    #expect(lexicons.relatedHeader.covers(line.tokens))
    let han = LineContext("相关阅读", lexicons: lexicons)
    #expect(han.tokens.count == 4)
    #expect(lexicons.relatedHeader.covers(han.tokens))
    #expect(
      !lexicons.relatedHeader.covers(LineContext("Related to the case", lexicons: lexicons).tokens))
  }
}
