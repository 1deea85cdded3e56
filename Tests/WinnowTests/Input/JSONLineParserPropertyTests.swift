import Foundation
import Testing

@testable import Winnow

@Suite struct JSONLineParserPropertyTests {
  private static let pieces = [
    "a", "é", "東京", "\u{2028}", "\u{85}", "\u{1F600}", " ", "/", "\\\"", "\\n", "\\u00e9",
    "\\ud83d\\ude00", "\\\\", "\\/", "x y",
  ]
  private static let numbers = ["0", "-1", "1e400", "123456789012345678901234567890", "2.50E-3"]

  private func value(_ rng: inout SeededGenerator, depth: Int) -> String {
    switch Int.random(in: 0..<(depth > 2 ? 3 : 5), using: &rng) {
    case 0: return string(&rng)
    case 1: return Self.numbers.randomElement(using: &rng)!
    case 2: return ["true", "false", "null"].randomElement(using: &rng)!
    case 3:
      let items = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
        value(&rng, depth: depth + 1)
      }
      return "[" + items.joined(separator: " , ") + "]"
    default:
      let members = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
        string(&rng) + ":" + value(&rng, depth: depth + 1)
      }
      return "{" + members.joined(separator: ",") + "}"
    }
  }

  private func string(_ rng: inout SeededGenerator) -> String {
    "\""
      + (0..<Int.random(in: 0...4, using: &rng)).map { _ in
        Self.pieces.randomElement(using: &rng)!
      }.joined() + "\""
  }

  @Test func membersComeBackExactlyAsWritten() throws {
    var rng = SeededGenerator(seed: 2026)
    for _ in 0..<500 {
      let members = (0..<Int.random(in: 1...5, using: &rng)).map { index in
        ("k\(index)", value(&rng, depth: 0))
      }
      let line =
        "{ " + members.map { "\"\($0.0)\" :\t\($0.1)" }.joined(separator: " ,") + " }"
      let bytes = Array(line.utf8)
      let parsed = try bytes.withUnsafeBufferPointer {
        try JSONLineParser.parse($0, textField: "k0").get()
      }
      #expect(parsed.object.members.map(\.key) == members.map(\.0))
      #expect(parsed.object.members.map(\.rawValue) == members.map(\.1))
      // Foundation agrees on what the text member says, when it is a string.
      if case .string(let text) = parsed.text {
        let reference =
          try JSONSerialization.jsonObject(
            with: Data("[\(members[0].1)]".utf8)) as? [String]
        let expected = reference?.first?.replacingOccurrences(of: "\u{FFFD}", with: "")
        #expect(text.replacingOccurrences(of: "\u{FFFD}", with: "") == expected)
      }
    }
  }

  @Test func mutatedLinesNeverCrashAndFailWithAnOffsetInside() {
    var rng = SeededGenerator(seed: 7)
    let base = Array(
      #"{"id":"x","text":"caf\u00e9 \ud83d\ude00 /","n":[1,2.5e3,{"a":null}],"b":true}"#.utf8)
    for _ in 0..<2000 {
      var bytes = base
      for _ in 0..<Int.random(in: 1...3, using: &rng) {
        let index = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: bytes[index] = UInt8.random(in: 0...255, using: &rng)
        case 1: bytes.remove(at: index)
        default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: index)
        }
      }
      let result = bytes.withUnsafeBufferPointer { JSONLineParser.parse($0, textField: "text") }
      if case .failure(let error) = result {
        #expect((0...bytes.count).contains(error.offset))
      }
    }
  }
}
