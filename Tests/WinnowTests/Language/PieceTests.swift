import Testing

@testable import Winnow

@Suite struct PieceTests {
  func piece(_ start: Int, _ end: Int, _ label: String, _ letters: Int) -> Piece<String> {
    Piece(start: start, end: end, label: label, letters: letters)
  }

  @Test func shortPiecesJoinTheLargerNeighbourShortestFirst() {
    let pieces = [
      piece(0, 40, "en", 30), piece(40, 45, "fr", 4), piece(45, 60, "de", 13),
      piece(60, 62, "zh", 2), piece(62, 70, "und", 0),
    ]
    let smoothed = Piece.smoothed(pieces, minLetters: 12)
    #expect(smoothed.map(\.label) == ["en", "de", "und"])
    #expect(smoothed.map(\.start) == [0, 45, 62])
    #expect(smoothed.map(\.letters) == [34, 15, 0])
  }

  @Test func equalNeighboursMergeAroundAnAbsorbedPiece() {
    let pieces = [piece(0, 20, "en", 15), piece(20, 22, "zh", 3), piece(22, 50, "en", 20)]
    #expect(
      Piece.smoothed(pieces, minLetters: 12) == [piece(0, 50, "en", 38)])
  }

  @Test func manyShortPiecesStayFast() {
    let pieces = (0..<50_000).map { piece($0 * 3, $0 * 3 + 3, $0 % 2 == 0 ? "a" : "b", 2) }
    let smoothed = Piece.smoothed(pieces, minLetters: 12)
    #expect(smoothed.first?.start == 0)
    #expect(smoothed.last?.end == 150_000)
  }
}
