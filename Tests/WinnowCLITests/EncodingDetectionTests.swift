import Foundation
import Testing

/// Issue 11's detection examples, each a long page whose non-ASCII text starts late or is
/// sparse: `winnow clean` must give the page's text back, byte for byte, and name its charset.
@Suite struct EncodingDetectionTests {
  /// English menu and news lines: the ASCII most of a page's bytes are.
  static let filler = [
    "Home | News | Sports | Weather | Contact us | About this site",
    "Subscribe to our newsletter and get the latest stories every morning.",
    "The council meeting was moved to Thursday because of the holiday.",
    "Read more: how the new bridge will change traffic in the city centre",
    "Copyright 2004 The Daily Example. All rights reserved. Privacy policy.",
    "Most popular: local elections, school results, the weekend football scores",
  ]

  /// About `count` bytes of filler lines.
  static func ascii(_ count: Int, from start: Int = 0) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = start
    while bytes.count < count {
      bytes += Array((filler[index % filler.count] + "\n").utf8)
      index += 1
    }
    return bytes
  }

  static func bytes(hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16)!)
      index = next
    }
    return bytes
  }

  struct Example: CustomTestStringConvertible, Sendable {
    var name: String
    var charsets: Set<String>
    /// The text in its charset (made with Python's codecs).
    var hex: String
    var text: String
    var testDescription: String { name }
  }

  static let examples = [
    Example(
      name: "Shift_JIS", charsets: ["Shift_JIS", "windows-31j"],
      hex: "938c8b9e82cc907d8f918ad982cd97888c8e82a982e78a4a8ad98e9e8ad482f0898492b782b782e982c6"
        + "94ad955c82b582dc82b582bd8142979897708ed282cc91bd82ad82cd8a7790b682c582b78142",
      text: "東京の図書館は来月から開館時間を延長すると発表しました。利用者の多くは学生です。"),
    Example(
      name: "KOI8-R", charsets: ["KOI8-R", "KOI8-U"],
      hex: "e7cfd2cfc4d3cbc1d120c2c9c2ccc9cfd4c5cbc120d0d2cfc4ccc9d420dec1d3d920d2c1c2cfd4d920d320"
        + "d0cfcec5c4c5ccd8cec9cbc12e20fec9d4c1d4c5ccc920c4c1d7cecf20d0d2cfd3c9ccc920cfc220dcd4cf"
        + "cd2e",
      text: "Городская библиотека продлит часы работы с понедельника. Читатели давно просили об"
        + " этом."),
    Example(
      name: "windows-1255", charsets: ["windows-1255"],
      hex: "e4f1f4f8e9e9e420e4f2e9f8e5f0e9fa20fae0f8e9ea20e0fa20f9f2e5fa20e4f4fae9e7e420e4e7ec20ee"
        + "e9e5ed20f9f0e9209620ebea20e4e5e3e9f2e420e4f2e9f8e9e9e42e",
      text: "הספרייה העירונית תאריך את שעות הפתיחה החל מיום שני – כך הודיעה העירייה."),
    Example(
      name: "EUC-KR", charsets: ["EUC-KR", "windows-949"],
      hex: "bdc3b8b320b5b5bcadb0fcc0ba20b4d9c0bd20b4debacec5cd20b0b3b0fc20bdc3b0a3c0bb20bfacc0e5c7"
        + "d1b4d9b0ed20b9e0c7fbbdc0b4cfb4d92e20c0ccbfebc0da20b4ebbacebad0c0ba20c7d0bbfdc0d4b4cfb4"
        + "d92e",
      text: "시립 도서관은 다음 달부터 개관 시간을 연장한다고 밝혔습니다. 이용자 대부분은 학생입니다."),
    Example(
      name: "windows-1253", charsets: ["windows-1253"],
      hex: "a2edefe9eee520e720eddde120e4e7eceff4e9eade20e2e9e2ebe9efe8deeae72e20b920e2e9e2ebe9efe8"
        + "deeae720e8e120ecddede5e920e1edefe9f7f4de20f9f220e1f1e3dc20f4ef20e2f1dce4f52e",
      text: "Άνοιξε η νέα δημοτική βιβλιοθήκη. Ή βιβλιοθήκη θα μένει ανοιχτή ως αργά το βράδυ."),
  ]

  static func clean(_ page: [UInt8]) throws -> (text: String, encoding: String, confidence: Double)
  {
    let scratch = try TemporaryDirectory()
    let config = try scratch.file("decode.yaml", "boilerplate:\n  enabled: false\n")
    let result = try Winnow.run(["clean", "--config", config], stdin: Data(page))
    #expect(result.status == 0, "\(result.stderr)")
    let record = try #require(result.records.first)
    let winnow = try #require(record["winnow"] as? [String: Any])
    return (
      try #require(record["text"] as? String), try #require(winnow["encoding"] as? String),
      winnow["encoding_confidence"] as? Double ?? 1
    )
  }

  /// 12 KB of ASCII before the first non-ASCII byte, then the text among more menus.
  @Test(arguments: examples)
  func textThatStartsAfter12KBOfASCII(_ example: Example) throws {
    let native = Self.bytes(hex: example.hex)
    let page =
      Self.ascii(12_288) + native + [0x0A] + Self.ascii(2_000, from: 3) + native
      + [0x0A] + Self.ascii(30_000, from: 1)
    let (text, encoding, _) = try Self.clean(page)
    #expect(example.charsets.contains(encoding))
    let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isASCII) }
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.utf8.elementsEqual(example.text.utf8) })
  }

  /// Hungarian in ISO-8859-2 with three accented letters in the first 4 KB: `ő` and `ű`
  /// (`õ` and `û` in Latin-1) appear only further down.
  @Test func hungarianWithSparseAccents() throws {
    let first = "A részletek itt olvashatók."
    let later =
      "Az ülés holnap kezdődik a városházán, ahol a képviselők a költségvetésről döntenek."
    let laterBytes = Self.bytes(
      hex: "417a20fc6ce97320686f6c6e6170206b657a64f564696b20612076e1726f7368e17ae16e2c2061686f6c"
        + "2061206be970766973656cf56b2061206bf66c7473e967766574e97372f56c2064f66e74656e656b2e")
    var page =
      Self.ascii(2_000) + [0x41, 0x20, 0x72, 0xE9, 0x73, 0x7A, 0x6C, 0x65, 0x74, 0x65]
      + Array("k itt olvashat".utf8) + [0xF3, 0x6B, 0x2E, 0x0A]
    for block in 0..<12 { page += Self.ascii(3_000, from: block) + laterBytes + [0x0A] }
    let (text, encoding, _) = try Self.clean(page)
    #expect(["ISO-8859-2", "windows-1250"].contains(encoding))
    let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isASCII) }
    #expect(lines.first?.utf8.elementsEqual(first.utf8) == true)
    #expect(lines.dropFirst().allSatisfy { $0.utf8.elementsEqual(later.utf8) })
    #expect(lines.count == 13)
  }

  /// One accented byte on a long page reads as several charsets alike: the record says the
  /// choice is a guess, while a page full of Russian is sure.
  @Test func aChoiceOnLittleEvidenceShowsItsLowConfidence() throws {
    let guess = try Self.clean(Self.ascii(6_000) + Array("Caf".utf8) + [0xE9, 0x0A])
    let russian = Self.bytes(hex: Self.examples[1].hex) + [0x0A]
    let sure = try Self.clean(
      Self.ascii(6_000) + Array(repeating: russian, count: 40).flatMap { $0 })
    #expect(guess.confidence < 0.5)
    #expect(sure.confidence > guess.confidence)
    #expect(sure.encoding == "KOI8-R")
  }
}
