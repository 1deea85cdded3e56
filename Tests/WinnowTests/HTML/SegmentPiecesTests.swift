import Testing

@testable import Winnow

@Suite struct SegmentPiecesTests {
  private func segment(_ start: Int, _ end: Int, _ language: String) -> Segment {
    Segment(start: start, end: end, language: language, script: "Latn", confidence: 0.9)
  }

  @Test func aSegmentSpanningParagraphsIsCutAtEach() {
    // "Hello there" (11) + "\n" + "Good day" (8): one segment over both.
    let pieces = SegmentPieces(
      paragraphs: ["Hello there", "Good day"], segments: [segment(0, 20, "en")])
    #expect(pieces.paragraphs.map { $0.map(\.text) } == [["Hello there"], ["Good day"]])
    #expect(pieces.paragraphs.allSatisfy { $0.allSatisfy { $0.segment?.language == "en" } })
  }

  @Test func aParagraphWithTwoSegmentsHasTwoPieces() {
    // "Il a dit: 你好世界" = 10 + 4 code points; the Chinese quote is its own segment.
    let pieces = SegmentPieces(
      paragraphs: ["Il a dit: 你好世界", "Suite."],
      segments: [segment(0, 10, "fr"), segment(10, 15, "zh"), segment(15, 21, "fr")])
    #expect(pieces.paragraphs[0].map(\.text) == ["Il a dit: ", "你好世界"])
    #expect(pieces.paragraphs[0].map { $0.segment?.language } == ["fr", "zh"])
    #expect(pieces.paragraphs[1].map(\.text) == ["Suite."])
    #expect(SegmentPieces.dominant(pieces.paragraphs[0])?.language == "fr")
  }

  @Test func gapsOverlapsAndOverrunsNeverLoseOrRepeatText() {
    let paragraphs = ["abcdef", "ghij"]
    let pieces = SegmentPieces(
      paragraphs: paragraphs,
      segments: [segment(2, 4, "a"), segment(3, 6, "b"), segment(9, 40, "c")])
    #expect(pieces.paragraphs.map { $0.map(\.text).joined() } == paragraphs)
    #expect(pieces.paragraphs[0].map(\.text) == ["ab", "cd", "ef"])
    #expect(pieces.paragraphs[0].map { $0.segment?.language } == [nil, "a", "b"])
    #expect(pieces.paragraphs[1].map(\.text) == ["gh", "ij"])
  }

  @Test func noSegmentsLeaveWholeParagraphs() {
    let pieces = SegmentPieces(paragraphs: ["one", "two"], segments: [])
    #expect(pieces.paragraphs == [[.init(text: "one")], [.init(text: "two")]])
  }
}
