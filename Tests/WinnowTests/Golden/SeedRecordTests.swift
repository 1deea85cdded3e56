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
    if line != expected {
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
