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
    "byline_prefix", "photo_credit", "counter", "date_words", "stopwords",
  ]

  @Test func everyListIsKnown() {
    #expect(Set(Self.file.keys) == Self.categories)
  }

  @Test(arguments: categories.sorted())
  func coversTheRequiredLanguages(category: String) {
    let languages = Set(Self.file[category, default: [:]].keys)
    for language in ["en", "zh", "de", "fr", "es", "pt", "it", "ru", "ja"] {
      #expect(languages.contains(language), "\(category) lacks \(language)")
    }
    #expect(Self.file[category, default: [:]].values.allSatisfy { !$0.isEmpty })
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
