import Foundation
import Testing

/// The text defects of issue 11, each checked on the bytes `winnow clean` writes.
@Suite struct TextCorrectnessTests {
  /// The record's `text` as UTF-8 bytes (compared as bytes: `String ==` would take NFD and
  /// NFC as equal).
  static func textBytes(_ result: Winnow.Result) -> [UInt8] {
    Array(((result.records.first?["text"] as? String) ?? "").utf8)
  }

  static func clean(_ text: String, _ arguments: [String] = []) throws -> Winnow.Result {
    try Winnow.run(["clean"] + arguments, stdin: Data(text.utf8))
  }

  static let sentence =
    "is what the committee wrote in its long report on the museum's new wing last year."

  @Test func decomposedTextComesOutComposed() throws {
    let input = "Cafe\u{301} and A\u{30A} and \u{212B} \(Self.sentence)\n"
    let result = try Self.clean(input)
    #expect(result.status == 0, "\(result.stderr)")
    let expected = "Caf\u{E9} and \u{C5} and \u{C5} \(Self.sentence)"
    #expect(Self.textBytes(result) == Array(expected.utf8))
    #expect(result.stdout.range(of: Data("Caf\u{E9} and \u{C5} and \u{C5}".utf8)) != nil)
  }

  @Test func compatibilityFormWhenTheConfigAsksForIt() throws {
    let scratch = try TemporaryDirectory()
    let config = try scratch.file("nfkc.yaml", "normalize:\n  form: nfkc\n")
    let input = "The \u{FB01}nal ﬂoor of Cafe\u{301} \u{2460} \(Self.sentence)\n"
    let result = try Self.clean(input, ["--config", config])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.textBytes(result) == Array("The final floor of Caf\u{E9} 1 \(Self.sentence)".utf8))
  }

  // MARK: --input-format auto

  @Test func stdinStartingWithABraceThatIsNotJSONIsText() throws {
    let input = "{Editor's note} \(Self.sentence)\nA second paragraph follows the note here.\n"
    let result = try Self.clean(input)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.totals?.written == 1)
    #expect(Self.textBytes(result).starts(with: Array("{Editor's note}".utf8)))
  }

  @Test func stdinStartingWithWARCThatIsNoHeaderIsText() throws {
    let input = "WARC/ARC formats are what web archives use, \(Self.sentence)\n"
    let result = try Self.clean(input)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.totals?.written == 1)
  }

  @Test func utf16DocumentsStartingWithABraceAreText() throws {
    let text = "{Note} \(Self.sentence)\nThe second paragraph is here too.\n"
    let bigEndian: [UInt8] =
      [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let littleEndian: [UInt8] =
      [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    for bytes in [bigEndian, littleEndian, Array(littleEndian.dropFirst(2))] {
      let result = try Winnow.run(["clean"], stdin: Data(bytes))
      #expect(result.status == 0, "\(result.stderr)")
      #expect(Self.textBytes(result).starts(with: Array("{Note} is what".utf8)))
    }
  }

  @Test func realJSONLAndWETOnStdinAreStillRecognized() throws {
    let jsonl =
      "{\"id\":\"a\",\"text\":\"\(Self.sentence)\"}\n{\"id\":\"b\",\"text\":\"Another one \(Self.sentence)\"}\n"
    let fromJSONL = try Self.clean(jsonl)
    #expect(fromJSONL.records.compactMap { $0["id"] as? String } == ["a", "b"])
    let block = "The page text, \(Self.sentence)\n"
    let wet =
      "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://example.com/\r\n"
      + "Content-Length: \(block.utf8.count)\r\n\r\n\(block)\r\n\r\n"
    let fromWET = try Self.clean(wet)
    #expect(fromWET.records.first?["id"] as? String == "http://example.com/")
  }

  // MARK: repairs that prove themselves

  /// Half-repaired or correct text that an unproven second layer used to corrupt, and the
  /// text each must come out as.
  static let mojibakeExamples: [(input: String, output: String)] = [
    ("4288Ã—â€¦", "4288×…"),  // not a Hebrew point after digits
    ("5Ã—Â£35", "5×£35"),  // not a Hebrew letter between digits
    ("Ð’Ð†ÐšÐ†", "ВІКІ"),  // not `²КІ`: no letter lost
    ("├┤a┼┐a", "├┤a┼┐a"),  // box drawing, not `ôaſaſa`
  ]

  /// Each input, followed by `sentence`, comes out of `winnow clean` as its output, byte for
  /// byte.
  static func expectEachComesOut(as rows: [(input: String, output: String)]) throws {
    for (input, output) in rows {
      let result = try clean("\(input) \(sentence)\n")
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        textBytes(result) == Array("\(output) \(sentence)".utf8),
        "\(input) gave \(result.records.first?["text"] ?? "nothing")")
    }
  }

  @Test func mojibakeLayersMustProveThemselves() throws {
    try Self.expectEachComesOut(as: Self.mojibakeExamples)
  }

  /// A lone no-break space between two characters is typography and comes out as it came
  /// in (a thousands separator, French punctuation, a Czech one-letter preposition, a unit);
  /// one beside a plain space, or a run of them, is layout and becomes one space.
  static let noBreakSpaces: [(input: String, output: String)] = [
    ("97\u{A0}818 habitants, Vraiment\u{202F}?", "97\u{A0}818 habitants, Vraiment\u{202F}?"),
    (
      "výpadku v\u{A0}rozvodné síti a\u{A0}10\u{A0}cm",
      "výpadku v\u{A0}rozvodné síti a\u{A0}10\u{A0}cm"
    ),
    ("syndromem CE\u{A0} projevují", "syndromem CE projevují"),
    ("žádost\u{A0}\u{A0}\u{A0}\u{A0} o registraci", "žádost o registraci"),
  ]

  @Test func loneNoBreakSpacesAreKept() throws {
    try Self.expectEachComesOut(as: Self.noBreakSpaces)
  }

  // MARK: scripts

  @Test func aRuleScopedToChineseDoesNotFireOnThai() throws {
    let scratch = try TemporaryDirectory()
    let config = try scratch.file(
      "zh.yaml",
      """
      boilerplate:
        rules:
          - id: site.zh-only
            kind: promo
            regex: '.'
            action: drop-line
            languages: [zh]
      """)
    let thai = try String(
      contentsOf: Winnow.repositoryRoot.appendingPathComponent("fixtures/articles/thai.txt"),
      encoding: .utf8)
    let result = try Self.clean(thai, ["--config", config])
    #expect(result.status == 0, "\(result.stderr)")
    let paragraphs = thai.split(separator: "\n").dropFirst()
    let text = (result.records.first?["text"] as? String ?? "").split(separator: "\n")
    for paragraph in paragraphs {
      #expect(text.contains { $0.utf8.elementsEqual(paragraph.utf8) })
    }
  }
}
