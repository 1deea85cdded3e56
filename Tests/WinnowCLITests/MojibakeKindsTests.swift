import Foundation
import Testing

/// One example of each kind of mojibake the repair learnt in the second round of issue 11
/// (written for these tests, not taken from ftfy's cases), and pairs that look like mojibake
/// but read as text, each checked on the bytes `winnow clean` writes.
@Suite struct MojibakeKindsTests {
  static let repaired: [(kind: String, input: String, output: String)] = [
    ("a byte lost in the middle of a sequence", "cafÃ© â\u{FFFD}¢ menu", "café \u{FFFD} menu"),
    ("an ASCII '?' for a lost last byte", "Ã©tÃ© â€œgoodâ€? day", "été “good\u{FFFD} day"),
    (
      "'Â' before a space: a no-break space's lead", "It costsÂ 5 â‚¬ â€“ cheap",
      "It costs 5 € – cheap"
    ),
    ("a three-byte letter whose 0xA0 became a space", "à¸ à¸²à¸žà¸–à¹ˆà¸²à¸¢", "ภาพถ่าย"),
    (
      "Portuguese contractions of 'à' join the next word",
      "Fomos Ã s praias e Ã quelas cidades, nÃ£o Ã  montanha.",
      "Fomos às praias e àquelas cidades, não à montanha."
    ),
    ("a no-break space before a plain space", "Il est venu Ã\u{A0} Paris", "Il est venu à Paris"),
    ("Hebrew read as windows-1250", "×©×ś×•×ť ×˘×•×ś×ť", "שלום עולם"),
    ("Arabic read as windows-1250", "Ů…Ř±Ř\u{AD}Ř¨Ř§ Ř¨Ř§Ů„ŘąŘ§Ů„Ů…", "مرحبا بالعالم"),
    ("Latin ligatures read as windows-1251", "the п¬‚oor and the п¬Ѓnal", "the ﬂoor and the ﬁnal"),
    ("Vietnamese read as cp437", "Tiß║┐ng Viß╗çt", "Tiếng Việt"),
    ("two pairs beside correct text", "L’Ã©tÃ© – la mer", "L’été – la mer"),
    ("a pair standing for a sign beside correct text", "Prix Â· 5 € – bon", "Prix · 5 € – bon"),
  ]

  /// Pairs a repair could take for mojibake that read as text in context.
  static let kept = [
    "Order the new KÅ™ chair",  // a capital and a trade mark sign after a capital
    "MÄ£ÄM and GÄ£Ö",  // leetspeak
    "two Ã’s and three Â’s",  // an apostrophe before a letter
    "Is it NÃ? or SÃ?",  // a question mark after a capital
    // Mojibake whose case was changed: the sequences that still decode sit inside a garble.
    "bãƒâ¤cker grãƒâ¶ãƒå¸e qualitãƒâ¤t",
    // One pair for a letter where the line's other non-ASCII text is correct.
    "Tickets – KÃ¸benhavn",
  ]

  @Test func eachKindIsRepaired() throws {
    for row in Self.repaired {
      let result = try TextCorrectnessTests.clean("\(row.input) \(TextCorrectnessTests.sentence)\n")
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        TextCorrectnessTests.textBytes(result)
          == Array("\(row.output) \(TextCorrectnessTests.sentence)".utf8),
        "\(row.kind): gave \(result.records.first?["text"] ?? "nothing")")
    }
  }

  @Test func textThatLooksLikeMojibakeIsKept() throws {
    for line in Self.kept {
      let input = "\(line) \(TextCorrectnessTests.sentence)"
      let result = try TextCorrectnessTests.clean(input + "\n")
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        TextCorrectnessTests.textBytes(result) == Array(input.utf8),
        "gave \(result.records.first?["text"] ?? "nothing")")
    }
  }

  /// Random lines of words from the multilingual clean set (50 languages) and the pairs
  /// above, through `winnow clean` with only the normalize stage on: every line comes out
  /// as its own NFC, byte for byte.
  @Test func randomCleanTextIsKeptApartFromNFC() throws {
    let clean = try String(
      contentsOf: Winnow.repositoryRoot.appendingPathComponent("fixtures/normalize/clean.tsv"),
      encoding: .utf8)
    var words: [String] = []
    for row in clean.split(separator: "\n") {
      let text = row.split(separator: "\t").last ?? ""
      words += text.split(separator: " ").map { String($0) }
    }
    for line in Self.kept { words += line.split(separator: " ").map { String($0) } }
    let seed: UInt64 = 2026
    var random = SplitMix(seed: seed)
    var lines: [String] = []
    for _ in 0..<400 {
      let count = Int.random(in: 1...12, using: &random)
      let picked: [String] = (0..<count).map { _ in words.randomElement(using: &random)! }
      lines.append(picked.joined(separator: " "))
    }
    let scratch = try TemporaryDirectory()
    let config = try scratch.file(
      "normalize-only.yaml",
      "boilerplate:\n  enabled: false\nlanguage:\n  enabled: false\n")
    let result = try TextCorrectnessTests.clean(
      lines.joined(separator: "\n") + "\n", ["--config", config])
    #expect(result.status == 0, "\(result.stderr)")
    let text = result.records.first?["text"] as? String ?? ""
    let output: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(output.count == lines.count, "seed \(seed)")
    for (line, out) in zip(lines, output) {
      let nfc = line.precomposedStringWithCanonicalMapping
      #expect(out.utf8.elementsEqual(nfc.utf8), "seed \(seed): \(line) became \(out)")
    }
  }
}

/// A small seeded generator, so that a failing run names the seed that reproduces it.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
