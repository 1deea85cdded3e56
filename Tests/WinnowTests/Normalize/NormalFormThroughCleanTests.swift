import Foundation
import Testing

@testable import Winnow

/// NFC (and NFKC) checked on what `Pipeline.clean` gives, the whole path a document takes,
/// not on the ICU wrapper alone: a stage that computes the normal form and then throws it
/// away (as `String ==`, which compares canonical equivalence, once made it do) fails here.
@Suite struct NormalFormThroughCleanTests {
  static func isNormal(_ text: String, _ form: ICUNormalizer.Form) -> Bool {
    let units = Array(text.utf16)
    return ICUNormalizer.normalized(units, form: form) == units
  }

  /// `stripping: false` turns off the stages that only drop lines and tag languages (they
  /// never change a line's bytes), for the conformance rows that are no prose.
  static func configuration(form: NormalizationForm, stripping: Bool) -> Configuration {
    var configuration = Configuration.builtIn
    configuration.normalize.form = form
    configuration.boilerplate.enabled = stripping
    configuration.language.enabled = stripping
    return configuration
  }

  /// Every field of the record that carries page text.
  static func texts(of record: Record) -> [String] {
    [record.text, record.title, record.byline, record.date].compactMap { $0 }
  }

  /// Scalars a repair other than the normal form may change or remove (spaces, invisible and
  /// control characters): a line holding one is checked for its form only, not its bytes.
  static func otherRepairMayAct(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      WhitespaceRepair.isSpace($0) || InvisibleCharacterRepair.mayRemove($0)
        || ControlCharacterRepair.isRemovable($0) || $0.value < 0x20 || $0 == "&"
        || (0x80...0x9F).contains($0.value)
    }
  }

  /// Each row of NormalizationTest.txt is one document of five lines, `Column k: ck.`; each
  /// line must come out as `Column k: ` + the column the file says is its normal form, byte
  /// for byte (NFC: c2 for c1...c3, c4 for c4 and c5; NFKC: c4 for all).
  @Test(arguments: [NormalizationForm.nfc, .nfkc])
  func everyConformanceRowComesOutInItsNormalForm(form: NormalizationForm) throws {
    let text = try #require(
      try NormalizationConformanceTests.conformanceText(),
      "\(NormalizationConformanceTests.plainPath) (or .bz2) is missing: install unicode-data")
    let pipeline = try Pipeline(configuration: Self.configuration(form: form, stripping: false))
    let icuForm: ICUNormalizer.Form = form == .nfc ? .nfc : .nfkc
    let kept = CompatibilityRepair(keeping: "")
    var rows = 0
    var exact = 0
    var failures: [String] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("@") {
      guard let columns = NormalizationConformanceTests.columns(line) else { continue }
      rows += 1
      let strings = columns.map { String(decoding: $0, as: UTF16.self) }
      let document = strings.enumerated().map { "Column \($0 + 1): \($1)." }.joined(separator: "\n")
      let outcome = pipeline.clean(
        RawDocument(id: "row\(rows)", source: "-", content: .bytes(Array(document.utf8))))
      guard case .record(let record) = outcome else {
        failures.append("row \(rows) was not written: \(line)")
        continue
      }
      let lines = record.text.split(separator: "\n").map(String.init)
      // NFKC keeps CJK punctuation and emoji as they are (in NFC): those rows are checked
      // for NFC only.
      let keepsSome = form == .nfkc && strings[0].unicodeScalars.contains(where: kept.isKept)
      let wanted: ICUNormalizer.Form = keepsSome ? .nfc : icuForm
      if let bad = lines.first(where: { !Self.isNormal($0, wanted) }) {
        failures.append("\(wanted) failed for \(bad.unicodeScalars.map(\.value)) in row: \(line)")
        continue
      }
      guard !keepsSome, !Self.otherRepairMayAct(strings[0] + strings[3]) else { continue }
      let targets = form == .nfc ? [1, 1, 1, 3, 3] : [3, 3, 3, 3, 3]
      let expected = targets.enumerated().map { "Column \($0 + 1): \(strings[$1])." }
      if lines.count == 5 && zip(lines, expected).allSatisfy({ $0.utf8.elementsEqual($1.utf8) }) {
        exact += 1
      } else {
        failures.append("bytes differ in row: \(line)")
      }
    }
    #expect(rows > 18000)
    // Nearly every row is compared byte for byte, not only for its form.
    #expect(exact > rows * 9 / 10, "\(exact) of \(rows) rows compared byte for byte")
    #expect(
      failures.isEmpty,
      "\(failures.count) failures:\n\(failures.prefix(20).joined(separator: "\n"))")
  }

  /// Words whose letters have canonical decompositions, in several scripts.
  static let words = [
    "Café", "naïve", "Ångström", "Việt", "Nguyễn", "tiếng", "Ελληνικά", "ἀρχὴ", "Ῥόδος",
    "한국어", "문장", "がくせい", "ガラス", "क़लम", "ড়", "ଡ଼", "Œuvre", "Żółć", "ñandú", "Ḱ",
    "Åland", "straße", "ﬁne", "\u{2126}", "\u{212A}", "\u{212B}", "résumé", "über", "è", "déjà",
  ]

  /// A word in NFC, NFD, or with each scalar's decomposition chosen at random (mixed).
  static func randomForm(of word: String, using generator: inout SeededGenerator) -> String {
    let nfd = word.decomposedStringWithCanonicalMapping
    switch Int.random(in: 0..<3, using: &generator) {
    case 0: return word
    case 1: return nfd
    default:
      return word.map { character in
        Bool.random(using: &generator)
          ? String(character) : String(character).decomposedStringWithCanonicalMapping
      }.joined()
    }
  }

  @Test(arguments: [NormalizationForm.nfc, .nfkc])
  func randomNFDAndMixedArticlesComeOutNormalized(form: NormalizationForm) throws {
    let pipeline = try Pipeline(configuration: Self.configuration(form: form, stripping: true))
    let icuForm: ICUNormalizer.Form = form == .nfc ? .nfc : .nfkc
    let filler = "the of and in that was for with as on by at from which".split(separator: " ")
    var generator = SeededGenerator(seed: 11)
    var written = 0
    var checkedLetters = 0
    for index in 0..<100 {
      let paragraphs = (0..<Int.random(in: 2...5, using: &generator)).map { _ in
        (0..<Int.random(in: 12...30, using: &generator)).map { _ in
          Bool.random(using: &generator)
            ? Self.randomForm(of: Self.words.randomElement(using: &generator)!, using: &generator)
            : String(filler.randomElement(using: &generator)!)
        }.joined(separator: " ") + "."
      }
      let document = paragraphs.joined(separator: "\n\n")
      guard
        case .record(let record) = pipeline.clean(
          RawDocument(id: "doc\(index)", source: "-", content: .bytes(Array(document.utf8))))
      else { continue }
      written += 1
      for text in Self.texts(of: record) {
        #expect(Self.isNormal(text, icuForm), "\(form) failed: \(text.unicodeScalars.map(\.value))")
        checkedLetters += text.unicodeScalars.count
      }
    }
    #expect(written > 50, "only \(written) of 100 documents kept: the check saw too little")
    #expect(checkedLetters > 20_000)
  }
}
