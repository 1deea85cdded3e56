import Testing

@testable import Winnow

/// The triage reads eight ASCII bytes at a time and other characters through a table: its
/// answers must be those of asking every set about every character, wherever in a word a
/// trigger falls (a space pair across two words, a trigger in a line's overlapping last word).
@Suite struct LineTriageTests {
  /// ASCII runs of every length up to past a word, and the characters the triggers name.
  static let pieces: [String] =
    NormalizePropertyTests.pieces + [
      "b", "cd", "efg", "hijk", "lmnop", "qrstuv", "wxyzABC", "DEFGHIJK", "LMNOPQRST", " ", " ",
      " ", ",", ".", ")", "\u{7F}", "\u{1F}", "Ã©", "â€™", "’", "…", "Ｗ", "１", "\u{1D400}",
    ]

  /// Mostly quiet ASCII, so that a line's triggers fall at every place of its words.
  static let asciiPieces = ["a", "bc", "def", "ghij", " ", " ", " ", "&", ".", "é", "\u{7F}"]

  /// The answer worked out the slow way: scalar by scalar, every set asked.
  static func reference(_ line: String, triggers: [RepairTrigger]) -> LineTriage.Needs {
    let scalars = Array(line.unicodeScalars)
    let declared = CodePointSet(ranges: triggers.flatMap(\.characters))
    let spacing = triggers.contains(where: \.spacing)
    let pairs = triggers.compactMap(\.pairs)
    var needs = LineTriage.Needs(
      repair: false, composition: !NFCQuickCheck.shared.isNormalized(scalars))
    for (index, scalar) in scalars.enumerated() {
      let previous = index > 0 ? scalars[index - 1] : nil
      let spaceRun = scalar == " " && (index == 0 || previous == " " || index == scalars.count - 1)
      let pair = previous.map { previous in
        pairs.contains { $0.starts.contains(previous) && $0.follows(previous, scalar) }
      }
      if declared.contains(scalar) || (spacing && spaceRun) || pair == true {
        return LineTriage.Needs(repair: true, composition: false)
      }
    }
    return needs
  }

  @Test func answersAsAskingEverySetAboutEveryCharacter() throws {
    var nfkc = NormalizeSettings.everything
    nfkc.form = .nfkc
    nfkc.punctuation = .allOn
    var withoutEntities = NormalizeSettings.everything
    withoutEntities.entities = false
    var generator = SeededGenerator(seed: 17)
    for settings in [NormalizeSettings.everything, nfkc, withoutEntities] {
      let stage = try NormalizeStage(settings: settings)
      let triggers = stage.repairs.map(\.trigger)
      for _ in 0..<4000 {
        let alphabet = Bool.random(using: &generator) ? Self.pieces : Self.asciiPieces
        let line = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
          alphabet.randomElement(using: &generator)!
        }.joined()
        let expected = Self.reference(line, triggers: triggers)
        let needs = stage.triage.needs(line)
        #expect(needs.repair == expected.repair, "line \(line.debugDescription)")
        if !expected.repair {
          #expect(needs.composition == expected.composition, "line \(line.debugDescription)")
        }
      }
    }
  }

  @Test func aSpacePairIsFoundAtEveryPlaceInAWord() throws {
    let stage = try NormalizeStage(settings: .everything)
    for length in 2...26 {
      for position in 1..<(length - 1) {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        #expect(!stage.triage.needs(String(decoding: bytes, as: UTF8.self)).repair)
        bytes[position] = 0x20
        #expect(!stage.triage.needs(String(decoding: bytes, as: UTF8.self)).repair)
        guard position + 1 < length - 1 else { continue }
        bytes[position + 1] = 0x20
        #expect(stage.triage.needs(String(decoding: bytes, as: UTF8.self)).repair, "\(bytes)")
      }
    }
  }
}
