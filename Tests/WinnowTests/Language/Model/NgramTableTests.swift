import Testing

@testable import Winnow

/// Lookups in records with a language mask (many postings) and in plain lists: each visits
/// only the languages still unresolved, and resolves them.
@Suite struct NgramTableTests {
  /// 70 languages, so masks use both words: "a" is in every one (a masked record, quantum =
  /// index), "ab" only in languages 3 and 66 (a list record).
  static let languages: [String] = (0..<70).map(code)

  /// "aa", "ab", ..., "az", "ba", ...
  static func code(_ index: Int) -> String {
    let letters = [index / 26, index % 26].map { UInt8(0x61 + $0) }
    return String(decoding: letters, as: UTF8.self)
  }
  static let file = TinyModelFile(
    languages: languages,
    ngrams: ["a": (0..<70).map { ($0, UInt8($0)) }, "ab": [(3, 7), (66, 9)]])

  static func visits(_ ngram: String, unresolved: inout LanguageMask) throws -> [Int: Int] {
    let model = try NgramLanguageModel(bytes: file.bytes)
    var seen: [Int: Int] = [:]
    model.table.forEachPosting(TinyModelFile.hash(ngram), unresolved: &unresolved) {
      seen[$0] = $1
    }
    return seen
  }

  @Test func aMaskedRecordVisitsOnlyUnresolvedLanguagesWithTheirQuanta() throws {
    var unresolved = LanguageMask([2, 40, 63, 64, 69])
    let seen = try Self.visits("a", unresolved: &unresolved)
    #expect(seen == [2: 2, 40: 40, 63: 63, 64: 64, 69: 69])
    #expect(unresolved.isEmpty)
  }

  @Test func aListRecordResolvesOnlyTheLanguagesItHas() throws {
    var unresolved = LanguageMask([3, 4, 66])
    let seen = try Self.visits("ab", unresolved: &unresolved)
    #expect(seen == [3: 7, 66: 9])
    #expect(unresolved == LanguageMask([4]))
  }

  @Test func anUnknownNgramResolvesNothing() throws {
    var unresolved = LanguageMask([1, 65])
    #expect(try Self.visits("zz", unresolved: &unresolved).isEmpty)
    #expect(unresolved == LanguageMask([1, 65]))
  }

  /// Many n-grams in four buckets, masked and listed records mixed (counts in the tag and after
  /// it): the stored layout finds each n-gram's own postings behind the others of its
  /// sub-bucket.
  @Test func everyNgramOfACrowdedBucketFindsItsOwnPostings() throws {
    let ngrams = (0..<24).map { "q" + Self.code($0) }
    var postings: [String: [(Int, UInt8)]] = [:]
    for (number, ngram) in ngrams.enumerated() {
      switch number % 3 {
      case 0: postings[ngram] = (0..<(20 + number)).map { ($0, UInt8((number + $0) % 200)) }
      case 1: postings[ngram] = (0..<10).map { (number + 3 * $0, UInt8(number + $0)) }
      default: postings[ngram] = [(number, UInt8(number)), (69 - number, UInt8(100 + number))]
      }
    }
    let model = try NgramLanguageModel(
      bytes: TinyModelFile(languages: Self.languages, ngrams: postings).bytes)
    for ngram in ngrams {
      var unresolved = LanguageMask(0..<70)
      var seen: [Int: Int] = [:]
      model.table.forEachPosting(TinyModelFile.hash(ngram), unresolved: &unresolved) {
        seen[$0] = $1
      }
      let expected = Dictionary(
        postings[ngram]!.map { ($0.0, Int($0.1)) }, uniquingKeysWith: { first, _ in first })
      #expect(seen == expected, "\(ngram)")
      #expect(unresolved == LanguageMask(Set(0..<70).subtracting(expected.keys)), "\(ngram)")
    }
  }

  @Test func scoringUsesTheMaskedQuantaOfTheCandidates() throws {
    let model = try NgramLanguageModel(bytes: Self.file.bytes)
    // "a" alone: -quantum * 0.1 for each candidate; ties impossible.
    let ranked: [NgramLanguageScore] = model.rank("a", candidates: ["ac", "cd", "ab"])
    #expect(ranked.map { $0.language } == ["ab", "ac", "cd"])
    #expect(abs(ranked[2].score - -(0.1 * 55)) < 1e-5)
  }
}
