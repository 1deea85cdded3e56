import Foundation
import Testing

@testable import Winnow

/// Sentences of the clean set in the legacy charsets their languages' pages used (written
/// by scripts/make_encoding_fixtures.py): the re-ranked detection gives every one back.
@Suite struct LegacyCharsetTests {
  struct Row: Decodable, CustomTestStringConvertible, Sendable {
    var language: String
    var charset: String
    var hex: String
    var text: String
    var testDescription: String {
      "\(language) in \(charset), \(text.count(where: { $0 == "\n" })) line(s)"
    }

    var bytes: [UInt8] {
      var bytes: [UInt8] = []
      var index = hex.startIndex
      while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        bytes.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
      }
      return bytes
    }
  }

  static let rows: [Row] = {
    let url = EncodingFixtures.directory.appendingPathComponent("legacy.jsonl")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap {
      try? JSONDecoder().decode(Row.self, from: Data($0.utf8))
    }
  }()

  @Test func setCoversTheLegacyCharsets() {
    #expect(Set(Self.rows.map(\.charset)).count >= 11)
  }

  @Test(arguments: rows) func decodesBack(_ row: Row) throws {
    let decoded = try CharsetDecoder(settings: .automatic).decode(row.bytes).get()
    #expect(decoded.text == row.text, "decoded as \(decoded.encoding)")
    #expect((0...1).contains(decoded.confidence))
  }
}
