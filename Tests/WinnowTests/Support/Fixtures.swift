import Foundation

@testable import Winnow

/// Paths of the repository's `fixtures/`, found from this file's location so tests run from
/// any working directory.
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // WinnowTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repository
    .appendingPathComponent("fixtures")

  static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

  static func text(_ path: String) throws -> String {
    try String(contentsOf: url(path), encoding: .utf8)
  }

  /// The seed pages, by file name without extension (`000_a8e7aef4af59db06`).
  static var seedNames: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url("seeds").path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
  }
}
