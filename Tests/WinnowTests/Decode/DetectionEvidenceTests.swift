import Testing

@testable import Winnow

@Suite struct DetectionEvidenceTests {
  static func ascii(_ count: Int) -> [UInt8] {
    Array(String(repeating: "menu item, ", count: count / 11 + 1).utf8.prefix(count))
  }

  @Test func aDocumentThatFitsIsReadWhole() {
    let bytes = Self.ascii(100) + [0xE9] + Self.ascii(100)
    #expect(Array(DetectionEvidence.sample(bytes[...], budget: 4096)) == bytes)
  }

  @Test func lateNonASCIIBytesAreFoundPastTheBudget() {
    // 日本語 in Shift_JIS after 12 KB of ASCII.
    let japanese: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA]
    let bytes = Self.ascii(12_000) + japanese + Self.ascii(12_000)
    let sample = Array(DetectionEvidence.sample(bytes[...], budget: 4096))
    #expect(sample.count <= 4096)
    #expect(sample.firstRange(of: japanese) != nil)
  }

  @Test func sparseAccentsAreGatheredFromTheWholeDocument() {
    // Hungarian `ő` (0xF5 in ISO-8859-2), once every 3 KB of a 60 KB page.
    var bytes: [UInt8] = []
    for _ in 0..<20 { bytes += Self.ascii(3_000) + Array("kett".utf8) + [0xF5] + [0x20] }
    let sample = Array(DetectionEvidence.sample(bytes[...], budget: 4096))
    #expect(sample.count(where: { $0 == 0xF5 }) >= 15)
    #expect(sample.count < 20 * (2 * DetectionEvidence.context + 8))
  }

  @Test func stretchesEndOnlyWhereNoMultiByteCharacterIsCut() throws {
    // Shift_JIS tails can be ASCII letters (`ア` is 0x83 0x41): the stretch runs on to a byte
    // below 0x30 before it ends.
    let katakana: [UInt8] = Array(repeating: [0x83, 0x41], count: 40).flatMap { $0 }
    let bytes = Self.ascii(8_000) + katakana + Array(" end".utf8) + Self.ascii(8_000)
    let sample = Array(DetectionEvidence.sample(bytes[...], budget: 1024))
    let start = try #require(sample.firstIndex(of: 0x83))
    #expect(Array(sample[start..<(start + katakana.count)]) == katakana)
  }

  @Test func theBudgetBoundsTheSampleOfADenseDocument() {
    let bytes = Array(repeating: UInt8(0xE9), count: 100_000)
    #expect(DetectionEvidence.sample(bytes[...], budget: 4096).count <= 4096)
  }

  /// Greek read as windows-1253 or ISO-8859-7 differs in `Ά` (0xA2) alone: the one word with
  /// it, 15 KB into a page of Greek, is in the evidence.
  @Test func aByteValueNotSeenYetIsFetchedFromFarOn() {
    let greekWord: [UInt8] = [0xE2, 0xE9, 0xE2, 0xEB, 0xE9, 0xEF, 0xE8, 0xDE, 0xEA, 0xE7, 0x20]
    let dense = Array(Array(repeating: greekWord, count: 1_400).joined())
    let bytes = dense + [0xA2, 0xED, 0xEF, 0xE9, 0xEE, 0xE5, 0x20] + dense
    let sample = Array(DetectionEvidence.sample(bytes[...], budget: 4096))
    #expect(sample.contains(0xA2))
    #expect(sample.count <= 4096)
  }

  @Test func aDocumentWithoutNonASCIIBytesGivesItsHead() {
    let bytes = Self.ascii(10_000)
    #expect(Array(DetectionEvidence.sample(bytes[...], budget: 4096)) == Array(bytes.prefix(4096)))
  }
}
