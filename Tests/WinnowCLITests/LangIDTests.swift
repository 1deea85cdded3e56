import Foundation
import Testing

@Suite struct LangIDTests {
  /// Close siblings the character n-grams confuse, told apart by their words (Malay and
  /// Indonesian by the sibling discriminator, from words such as `wang` and `kerana`).
  @Test func siblingsAreToldApartLineByLine() throws {
    let lines = [
      "Tidak ada uang.", "Saya tidak ada wang kerana bekerja.", "Jeg vet det ikke.",
      "Jeg ved det ikke.",
      "Eg har ikkje tid no.",
    ]
    let result = try Winnow.run(
      ["langid"], stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
    #expect(result.status == 0)
    #expect(result.stdoutText == "id\nms\nnb\nda\nnn\n")
  }

  /// Lines are read as bytes: CRLF ends are cut, a line of invalid UTF-8 is identified from its
  /// repaired text rather than refused, and an empty line is `und`, each answer on its line.
  @Test func linesOfAnyBytesGetOneAnswerEach() throws {
    let german = Array("Die Regierung hat erklärt, dass sie den Plan nicht".utf8)
    let input =
      german + [0xFF, 0xC3] + Array(" ändern wird.\r\n\nThe talks would go on next week.\r\n".utf8)
    let result = try Winnow.run(["langid"], stdin: Data(input))
    #expect(result.status == 0)
    #expect(result.stdoutText == "de\nund\nen\n")
  }
}

@Suite struct DocumentLanguageTests {
  static let pages = [
    "Jeg har boet i København hele mit liv, og jeg kan godt lide byen om sommeren. Der er mange "
      + "cykler, og folk sidder ved havnen og spiser is, når solen skinner.\nJeg har bodd i Oslo "
      + "hele livet, og jeg liker byen veldig godt om sommeren. Det er mange som sykler, og folk "
      + "sitter ved fjorden og spiser is når solen skinner.",
    "Saya sudah tinggal di Jakarta selama sepuluh tahun, dan saya sangat suka kota ini karena "
      + "banyak makanan enak dan orang-orangnya ramah sekali.\nSaya telah tinggal di Kuala Lumpur "
      + "selama sepuluh tahun, dan saya amat suka bandar ini kerana banyak makanan sedap dan "
      + "orangnya sangat mesra.",
    "Hij zei مرحبا en ging weg.",
  ]

  static func clean() throws -> [[String: Any]] {
    let input = try pages.enumerated().map { index, text in
      String(
        decoding: try JSONSerialization.data(withJSONObject: ["id": index, "text": text]),
        as: UTF8.self)
    }
    let result = try Winnow.run(
      ["clean", "--input-format", "jsonl"], stdin: Data((input.joined(separator: "\n") + "\n").utf8)
    )
    #expect(result.status == 0)
    return result.records
  }

  /// A paragraph confidently in a sibling of the page's language stays a segment of its own.
  @Test func siblingParagraphsKeepTheirOwnLanguage() throws {
    let records = try Self.clean()
    try #require(records.count == 3)
    for (record, languages) in zip(records, [["da", "nb"], ["id", "ms"]]) {
      let segments = try #require(record["segments"] as? [[String: Any]])
      #expect(segments.compactMap { $0["language"] as? String } == languages)
    }
  }

  /// One word of another script neither decides the page nor makes it undetermined.
  @Test func aLoneWordOfAnotherScriptDoesNotDecideThePage() throws {
    let records = try Self.clean()
    try #require(records.count == 3)
    #expect(records[2]["language"] as? String == "nl")
  }
}
