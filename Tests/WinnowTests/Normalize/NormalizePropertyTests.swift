import Testing

@testable import Winnow

@Suite struct NormalizePropertyTests {
  /// Pieces of text from many scripts, with the characters the repairs act on mixed in.
  static let pieces: [String] = [
    "a", "Z", " ", "  ", "\t", "&", ";", "#", "x", "&amp;", "&lt;", "&#233;", "&eacute",
    "e\u{301}", "\u{301}", "\u{323}", "é", "中", "文", "\u{3000}", "あ", "\u{3099}", "한",
    "\u{1100}", "\u{1161}", "क", "\u{94D}", "ष", "\u{200D}", "\u{200C}", "\u{200B}", "ی",
    "خ", "ש", "\u{202B}", "\u{202C}", "\u{2066}", "👩", "👧", "\u{FE0F}", "🏽", "\u{A0}",
    "\u{202F}", "ᠮ", "\u{2028}", "\u{85}", "\u{01}", "\u{9F}", nonCharacter(0xFFFE), "\u{AD}",
    "\u{FEFF}", "\u{2000}", "\u{37E}", "\u{212B}", "¡", "Ã", "©", "â", "€", "™", "Ð", "Ñ", "Ж", "ก",
    "\u{E47}", "😀", "\u{E0067}",
  ]

  static func randomLine(using generator: inout SeededGenerator) -> String {
    (0..<Int.random(in: 0...12, using: &generator)).map { _ in
      pieces.randomElement(using: &generator)!
    }.joined()
  }

  @Test func normalizingTwiceGivesWhatNormalizingOnceGave() throws {
    let stage = try NormalizeStage(settings: .everything)
    var generator = SeededGenerator(seed: 2026)
    for _ in 0..<3000 {
      let line = Self.randomLine(using: &generator)
      var report = CleaningReport()
      let once = stage.normalize(line, report: &report) ?? line
      var secondReport = CleaningReport()
      let twice = stage.normalize(once, report: &secondReport) ?? once
      #expect(
        Array(twice.unicodeScalars) == Array(once.unicodeScalars),
        "line \(line.unicodeScalars.map { String($0.value, radix: 16) })")
      #expect(secondReport.repairs.isEmpty)
    }
  }

  @Test func changedLinesAreCountedAndUnchangedLinesAreNot() throws {
    let stage = try NormalizeStage(settings: .everything)
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<2000 {
      let line = Self.randomLine(using: &generator)
      var report = CleaningReport()
      let result = stage.normalize(line, report: &report)
      #expect((result != nil) == !report.repairs.isEmpty, "line \(line.debugDescription)")
      if let result { #expect(Array(result.unicodeScalars) != Array(line.unicodeScalars)) }
    }
  }

  /// The triage built from the repairs' declarations passes no line that a repair would
  /// change: whatever a repair acts on, it declared. Every profile, so that the switchable
  /// repairs are covered too.
  @Test func theTriageSendsOnEveryLineARepairWouldChange() throws {
    var nfkc = NormalizeSettings.everything
    nfkc.form = .nfkc
    nfkc.punctuation = .allOn
    var generator = SeededGenerator(seed: 15)
    for settings in [NormalizeSettings.everything, nfkc] {
      let stage = try NormalizeStage(settings: settings)
      for _ in 0..<3000 {
        let extra = Bool.random(using: &generator) ? " ’ , … Ｗ１" : ""
        let line = Self.randomLine(using: &generator) + extra
        guard !stage.triage.needs(line).repair else { continue }
        var scalars = Array(line.unicodeScalars)
        var report = CleaningReport()
        for repair in stage.repairs {
          #expect(
            !repair.repair(&scalars, report: &report),
            "\(type(of: repair)) changed \(line.debugDescription), which the triage passed")
        }
      }
    }
  }

  @Test func cleanWordsOfManyScriptsJoinedBySpacesStayByteForByte() throws {
    let words = NormalizeStageTests.cleanLines.flatMap { $0.split(separator: " ") }
    let stage = try NormalizeStage(settings: .everything)
    var generator = SeededGenerator(seed: 11)
    for _ in 0..<1000 {
      let line = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
        String(words.randomElement(using: &generator)!)
      }.joined(separator: " ")
      var report = CleaningReport()
      #expect(stage.normalize(line, report: &report) == nil, "line \(line)")
      #expect(report.repairs.isEmpty)
    }
  }
}
