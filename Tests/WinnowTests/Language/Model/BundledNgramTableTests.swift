import Testing

@testable import Winnow

/// The bundled model's table, read in place in its stored layout, answers as the file it was
/// converted from did (version 2, laid out again at load): the postings below were read from
/// that file by a script of its own (every kind of record: counts in the tag, a count byte, a
/// language mask).
@Suite struct BundledNgramTableTests {
  static let expected: [(ngram: String, postings: [String: Int]?)] = [
    ("ά", ["el": 62]),
    ("ان", ["ar": 46, "fa": 30, "ur": 34]),
    ("ї", ["be": 224, "bg": 247, "kk": 255, "mn": 187, "ru": 211, "sr": 194, "uk": 75]),
    ("ы", ["be": 50, "bg": 202, "kk": 41, "mk": 255, "mn": 67, "ru": 64, "sr": 207, "uk": 164]),
    (
      "ő",
      [
        "bs": 217, "cs": 255, "cy": 231, "da": 255, "eo": 229, "et": 234, "fi": 255, "fr": 255,
        "hr": 248, "hu": 82, "it": 255, "la": 229, "lt": 255, "nl": 255, "nn": 255, "pl": 254,
        "ro": 238, "sk": 204, "sl": 242, "sq": 251,
      ]
    ),
    ("qxzq", nil),
  ]

  @Test func knownNgramsHaveTheirPostings() {
    let model = NgramLanguageModel.bundled
    for (ngram, postings) in Self.expected {
      var unresolved = LanguageMask(model.languages.indices)
      var seen: [String: Int] = [:]
      model.table.forEachPosting(TinyModelFile.hash(ngram), unresolved: &unresolved) {
        seen[model.languages[$0]] = $1
      }
      #expect(seen == postings ?? [:], "\(ngram)")
    }
  }

  /// The masked record of "sch" holds 49 languages; a few of them, and their number.
  @Test func aMaskedRecordHasEachLanguageAtItsIndex() {
    let model = NgramLanguageModel.bundled
    var unresolved = LanguageMask(model.languages.indices)
    var seen: [String: Int] = [:]
    model.table.forEachPosting(TinyModelFile.hash("sch"), unresolved: &unresolved) {
      seen[model.languages[$0]] = $1
    }
    #expect(seen.count == 49)
    #expect(seen["de"] == 0 && seen["nl"] == 2 && seen["ga"] == 76 && seen["pt"] == 66)
    #expect(seen["ru"] == nil)
  }
}
