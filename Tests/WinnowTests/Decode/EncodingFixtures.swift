import Foundation

@testable import Winnow

/// The files of fixtures/encodings, written by scripts/make_encoding_fixtures.py.
enum EncodingFixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("fixtures/encodings")

  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: directory.appendingPathComponent(name)))
  }

  /// The text a fixture decodes to, kept next to it as `<stem>.expected.txt`.
  static func expectedText(_ name: String) throws -> String {
    let stem = (name as NSString).deletingPathExtension
    return try String(
      contentsOf: directory.appendingPathComponent("\(stem).expected.txt"), encoding: .utf8)
  }
}

extension DecodeSettings {
  static let automatic = DecodeSettings(enabled: true, encoding: "auto")
}
