import Foundation
import Testing

@testable import Winnow

@Suite struct NgramModelErrorTests {
  static let valid = TinyModelFile(
    languages: ["aa", "bb"],
    ngrams: ["a": [(0, 16), (1, 32)], "b": [(0, 16), (1, 32)], "ab": [(1, 0)]])

  @Test func scoresTheTinyModelByHand() throws {
    let model = try NgramLanguageModel(bytes: Self.valid.bytes)
    // aa: a = -1.6; b has no "ab", backs off to "b": -1.6 - 1. bb: a = -3.2; "ab" = 0.
    let ranked = model.rank("AB!", candidates: ["aa", "bb"])
    #expect(ranked.map(\.language) == ["bb", "aa"])
    #expect(abs(ranked[0].score - -1.6) < 1e-5)
    #expect(abs(ranked[1].score - -2.1) < 1e-5)
    // "c" is in neither language: the unseen penalty.
    #expect(abs(model.rank("c", candidates: ["aa"])[0].score - -10) < 1e-5)
  }

  struct Corruption: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: @Sendable () -> [UInt8]
    var error: NgramModelError
    var testDescription: String { name }
  }

  static let corruptions: [Corruption] = [
    .init(name: "empty file", bytes: { [] }, error: .wrongSize(expected: 32, actual: 0)),
    .init(
      name: "wrong magic", bytes: { Array("WNLX".utf8) + valid.bytes.dropFirst(4) },
      error: .notAModel),
    .init(
      name: "other version",
      bytes: {
        var file = valid
        file.version = 9
        return file.bytes
      }, error: .unsupportedVersion(9)),
    .init(
      name: "truncated", bytes: { valid.bytes.dropLast() },
      error: .wrongSize(expected: valid.bytes.count, actual: valid.bytes.count - 1)),
    .init(
      name: "a run past the records",
      bytes: { withByte(at: lastLineStart + 4 + 2 * 3, setTo: recordByteCount + 1 - lastLineBase) },
      error: .malformed(
        "sub-bucket 31 ends at record byte \(recordByteCount + 1), past the \(recordByteCount) of"
          + " the records")),
    .init(
      name: "runs that do not follow each other",
      bytes: { withByte(at: lastLineStart, setTo: lastLineBase + 1) },
      error: .malformed(
        "sub-bucket 29 starts at record byte \(lastLineBase + 1), not \(lastLineBase)")),
    .init(
      name: "bad language code",
      bytes: {
        var file = valid
        file.languages = ["aa", "B!"]
        return file.bytes
      }, error: .malformed("language code at byte 36")),
  ]

  /// The valid file's directory: 4 buckets of 8 sub-buckets, in two lines of the directory
  /// (`ModelHeader`), the second from sub-bucket 29 on; its records are under 256 bytes.
  static let lastLineStart = 128
  static var recordByteCount: Int { Int(valid.bytes[16]) }
  static var lastLineBase: Int { Int(valid.bytes[lastLineStart]) }

  static func withByte(at index: Int, setTo value: Int) -> [UInt8] {
    var bytes = valid.bytes
    bytes[index] = UInt8(value)
    return bytes
  }

  @Test(arguments: corruptions)
  func corruptFilesThrowAClearError(_ corruption: Corruption) {
    #expect(throws: corruption.error) { try NgramLanguageModel(bytes: corruption.bytes()) }
  }

  @Test func missingFileIsUnreadable() {
    let url = URL(fileURLWithPath: "/nonexistent/langid.bin")
    #expect {
      try NgramLanguageModel(contentsOf: url)
    } throws: { error in
      guard case .unreadable(let path, _) = error as? NgramModelError else { return false }
      return path == url.path
    }
  }

  /// Records are not checked at load: a posting of a language the model lacks is never
  /// scored, since scoring visits only the candidates' languages.
  @Test func aPostingOfAnUnknownLanguageIsNeverScored() throws {
    var file = Self.valid
    file.ngrams["b"] = [(0, 16), (7, 32)]
    let model = try NgramLanguageModel(bytes: file.bytes)
    let ranked = model.rank("b", candidates: ["aa", "bb"])
    #expect(ranked.map(\.language) == ["aa", "bb"])
    #expect(abs(ranked[0].score - -1.6) < 1e-5)
    #expect(abs(ranked[1].score - -10) < 1e-5)
  }

  @Test func randomDamageNeverCrashes() {
    var generator = SplitMix64(seed: 5)
    let original = Self.valid.bytes
    for _ in 0..<300 {
      var bytes = original
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        let index = Int.random(in: 0..<bytes.count, using: &generator)
        bytes[index] = UInt8.random(in: 0...255, using: &generator)
      }
      if Bool.random(using: &generator) {
        bytes.removeLast(Int.random(in: 0..<bytes.count, using: &generator))
      }
      if let model = try? NgramLanguageModel(bytes: bytes) {
        _ = model.rank("abc ab ba", candidates: model.languages)
      }
    }
  }
}
