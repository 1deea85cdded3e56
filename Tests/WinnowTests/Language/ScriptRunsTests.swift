import Testing

@testable import Winnow

@Suite struct ScriptRunsTests {
  static let table = ScriptTable.shared

  func runs(_ text: String) -> [[String]] {
    let scalars = Array(text.unicodeScalars)
    return ScriptRuns.runs(in: scalars, 0..<scalars.count).map {
      let label = $0.label == ScriptTable.neutral ? "none" : Self.table.isoCodes[$0.label]
      return [label, String(String.UnicodeScalarView(scalars[$0.start..<$0.end])), "\($0.letters)"]
    }
  }

  @Test func neutralCharactersJoinTheRunTheySitIn() {
    #expect(
      runs("1. Hello, мир! 世界") == [
        ["Latn", "1. Hello, ", "5"], ["Cyrl", "мир! ", "3"], ["Hani", "世界", "6"],
      ])
  }

  @Test func kanaAndHanFormOneRun() {
    #expect(runs("東京へ行きます") == [["Hani", "東京へ行きます", "21"]])
  }

  @Test func hangulAndHanFormOneRun() {
    #expect(runs("大韓民國 대한민국") == [["Hani", "大韓民國 대한민국", "24"]])
  }

  @Test func marksContinueTheirLetters() {
    #expect(runs("cafe\u{301} ok") == [["Latn", "cafe\u{301} ok", "6"]])
  }

  @Test func webAddressesAreNeutral() {
    #expect(
      runs("https://example.com/a www.x.org") == [["none", "https://example.com/a www.x.org", "0"]])
    #expect(runs("see (www.example.com) now") == [["Latn", "see (www.example.com) now", "6"]])
    #expect(runs("wwwhat http:") == [["Latn", "wwwhat http:", "10"]])
  }

  @Test func textWithoutLettersIsOneNeutralRun() {
    #expect(runs("12:30 — 45%") == [["none", "12:30 — 45%", "0"]])
  }

  @Test func shortRunsJoinTheLargerNeighbour() {
    let scalars = Array("President 尹 asked for more".unicodeScalars)
    let smoothed = Piece.smoothed(
      ScriptRuns.runs(in: scalars, 0..<scalars.count), minLetters: 12)
    #expect(smoothed.count == 1)
    #expect(smoothed.first?.label == Self.table.latin)
    #expect(smoothed.first?.end == scalars.count)
  }
}
