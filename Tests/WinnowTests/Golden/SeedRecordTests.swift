import Foundation
import Testing

@testable import Winnow

/// The whole record of each seed page, as `winnow clean --explain` writes it, against
/// `fixtures/expected/NAME.jsonl`. After a deliberate change, re-record with
/// `WINNOW_RECORD=1 swift test --filter SeedRecordTests` and read the diff before committing;
/// a recording run fails so that it is never mistaken for a passing one.
@Suite struct SeedRecordTests {
  static let pipeline = Result { try Pipeline(configuration: .builtIn) }
  static let recording = ProcessInfo.processInfo.environment["WINNOW_RECORD"] == "1"

  /// The argument list below is read from the folder: without this, a missing `fixtures/seeds`
  /// would make every golden test pass with zero cases.
  @Test func everySeedPageAndItsGoldenRecordArePresent() throws {
    #expect(Fixtures.seedNames.count == 5)
    let golden = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("expected").path)
    #expect(golden.filter { $0.hasSuffix(".jsonl") }.count == Fixtures.seedNames.count)
  }

  @Test(arguments: Fixtures.seedNames)
  func recordMatchesTheGoldenFile(seed: String) throws {
    let bytes = try Data(contentsOf: Fixtures.url("seeds/\(seed).txt"))
    let document = RawDocument(
      id: "\(seed).txt", source: "\(seed).txt", content: .bytes(Array(bytes)))
    guard case .record(let record) = try Self.pipeline.get().clean(document) else {
      Issue.record("\(seed): no record")
      return
    }
    let line = String(decoding: RecordEncoder.encode(record, explain: true), as: UTF8.self)
    let golden = Fixtures.url("expected/\(seed).jsonl")
    if Self.recording {
      try line.write(to: golden, atomically: true, encoding: .utf8)
      Issue.record("recorded \(golden.lastPathComponent); run again without WINNOW_RECORD")
      return
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    // Bytes, not String ==, which would let an NFD record pass for its NFC golden.
    if !line.utf8.elementsEqual(expected.utf8) {
      let same = zip(line, expected).prefix { $0 == $1 }.count
      Issue.record(
        """
        \(seed): the record differs from fixtures/expected from character \(same) on:
          got      …\(line.dropFirst(max(same - 40, 0)).prefix(120))
          expected …\(expected.dropFirst(max(same - 40, 0)).prefix(120))
        """)
    }
  }
}
