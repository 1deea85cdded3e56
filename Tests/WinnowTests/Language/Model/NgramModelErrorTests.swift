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
      name: "language index out of range",
      bytes: {
        var file = valid
        file.ngrams["b"] = [(0, 16), (7, 32)]
        return file.bytes
      }, error: .malformed("language index 7 at record byte 5")),
    .init(
      name: "bad language code",
      bytes: {
        var file = valid
        file.languages = ["aa", "B!"]
        return file.bytes
      }, error: .malformed("language code at byte 36")),
  ]

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
