import Foundation
import Testing

/// Charsets that read most bytes alike (siblings such as ISO-8859-1, windows-1250, windows-1257
/// and MacRoman for Western text; windows-1253 and ISO-8859-7; ISO-8859-13 and ISO-8859-1)
/// differ in a few bytes, and those decide: `winnow clean` must give the text back byte for
/// byte. Made-up sentences, encoded with Python's codecs.
@Suite struct SiblingCharsetTests {
  struct Example: CustomTestStringConvertible, Sendable {
    var name: String
    var hex: String
    var text: String
    var testDescription: String { name }
  }

  /// One sentence each, where a sibling reads a letter of the sentence's language as a letter
  /// of another: Italian `è` as Czech `č` (windows-1250) or `Ë` (MacRoman), French `où` and
  /// `l'île` as `oł` and `l'īle` (windows-1257), Welsh `â` as Latvian `ā`, Basque `Gràcia` as
  /// `Grącia`; and a capital after a hyphen (`Sept-Îles`), which is not a case switch.
  static let letterExamples = [
    Example(
      name: "Italian è",
      hex: "496c206d7573656f20e82061706572746f20616e636865206c6120646f6d656e696361206520696c2062"
        + "69676c696574746f20e820677261747569746f2070657220692062616d62696e692e",
      text: "Il museo è aperto anche la domenica e il biglietto è gratuito per i bambini."),
    Example(
      name: "French où, l'île",
      hex: "4a65206e65207361697320706173206ff920696c206861626974652c206d61697320696c207669742073"
        + "7572206c27ee6c6520646570756973206c6f6e6774656d70732e",
      text: "Je ne sais pas où il habite, mais il vit sur l'île depuis longtemps."),
    Example(
      name: "Welsh â",
      hex: "4165746820686920e2277220706c616e7420692772207472616574682064646f6520616320726f656464"
        + "20792074797779646420796e20627261662e",
      text: "Aeth hi â'r plant i'r traeth ddoe ac roedd y tywydd yn braf."),
    Example(
      name: "Basque Gràcia",
      hex: "42696c626f6e206a61696f207a656e20657461206765726f204772e06369612061757a6f7261206a6f61"
        + "6e207a656e2062697a69747a6572612e",
      text: "Bilbon jaio zen eta gero Gràcia auzora joan zen bizitzera."),
    Example(
      name: "Sept-Îles",
      hex: "496c2065737420706172746920646520536570742dce6c65732e",
      text: "Il est parti de Sept-Îles."),
  ]

  @Test(arguments: letterExamples)
  func aLetterIsReadInTheLanguageOfTheWordsAroundIt(_ example: Example) throws {
    let page = EncodingDetectionTests.bytes(hex: example.hex) + [0x0A]
    let (text, _, _) = try EncodingDetectionTests.clean(page)
    #expect(text.utf8.elementsEqual(example.text.utf8))
  }

  /// The same sentences on a long page, 12 KB of English menus before them.
  @Test(arguments: letterExamples)
  func aLetterIsReadInItsLanguageOnALongPage(_ example: Example) throws {
    let page =
      EncodingDetectionTests.ascii(12_288) + EncodingDetectionTests.bytes(hex: example.hex)
      + [0x0A] + EncodingDetectionTests.ascii(20_000, from: 2)
    let (text, _, _) = try EncodingDetectionTests.clean(page)
    let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isASCII) }
    #expect(lines.count == 1)
    #expect(lines.first?.utf8.elementsEqual(example.text.utf8) == true)
  }

  struct SparsePage: CustomTestStringConvertible, Sendable {
    var name: String
    var charset: String
    /// The one sentence with the byte the siblings read differently, then one they read alike.
    var telling: Example
    var plain: Example
    var testDescription: String { name }
  }

  /// Long pages whose only telling bytes are in one sentence among many the sibling reads
  /// alike: windows-1253's `Ά` (ISO-8859-7's `’`), ISO-8859-13's `„` and `“` (Latin-1's `¥`
  /// and `´`). ICU prefers the sibling; the few points its reading loses decide, and the
  /// record's confidence says the choice is not sure.
  static let sparsePages = [
    SparsePage(
      name: "windows-1253 Ά", charset: "windows-1253",
      telling: Example(
        name: "", hex: "a2ebebeff4e520ef20e4f1fceceff220def4e1ed20e3e5ecdcf4eff220eafcf3ecef2e",
        text: "Άλλοτε ο δρόμος ήταν γεμάτος κόσμο."),
      plain: Example(
        name: "",
        hex: "cf20e4deece1f1f7eff220ecdfebe7f3e520f3f4eff5f220eae1f4efdfeaeff5f220f4e7f220f0fcebe7"
          + "f220e3e9e120f4e120eddde120ddf1e3e12e",
        text: "Ο δήμαρχος μίλησε στους κατοίκους της πόλης για τα νέα έργα.")),
    SparsePage(
      name: "ISO-8859-13 quotes", charset: "ISO-8859-13",
      telling: Example(
        name: "",
        hex:
          "546120fc746c65733a20a5486f6d6d65206ce468656d65206d657473612eb420456d61207661737461733a"
          + "20a5486561206df574652eb4",
        text: "Ta ütles: „Homme läheme metsa.“ Ema vastas: „Hea mõte.“"),
      plain: Example(
        name: "",
        hex: "54e46e61206f6e20696c75732070e46576206a61206c6170736564206de46e676976616420f57565732e",
        text: "Täna on ilus päev ja lapsed mängivad õues.")),
  ]

  @Test(arguments: sparsePages)
  func theBytesWhereSiblingsDifferDecideASparsePage(_ example: SparsePage) throws {
    var page = EncodingDetectionTests.ascii(3_000)
    for block in 0..<10 {
      let sentence = block == 0 ? example.telling : example.plain
      page += EncodingDetectionTests.bytes(hex: sentence.hex) + [0x0A]
      page += EncodingDetectionTests.ascii(3_000, from: block)
    }
    let (text, encoding, confidence) = try EncodingDetectionTests.clean(page)
    #expect(encoding == example.charset)
    #expect(confidence > 0 && confidence < 0.5)
    let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isASCII) }
    #expect(lines.count == 10)
    #expect(lines.first?.utf8.elementsEqual(example.telling.text.utf8) == true)
    #expect(lines.dropFirst().allSatisfy { $0.utf8.elementsEqual(example.plain.text.utf8) })
  }
}
