import Foundation
import Testing
import Yams

@testable import Winnow

/// The stage sections of the built-in config decode into the settings types, and every key
/// of the types is in the file (defaults live only there).
@Suite struct StageSettingsTests {
  struct Sections: Decodable {
    var decode: DecodeSettings
    var normalize: NormalizeSettings
  }

  static func defaultConfig() throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("config/default.yaml")
    return try String(contentsOf: url, encoding: .utf8)
  }

  @Test func defaultsDecode() throws {
    let sections = try YAMLDecoder().decode(Sections.self, from: Self.defaultConfig())
    #expect(sections.decode == DecodeSettings(enabled: true, encoding: "auto"))
    #expect(sections.normalize == .everything)
    #expect(throws: Never.self) { try sections.decode.check() }
  }
}
