import Foundation

/// A fresh directory for one test, removed when the value goes away.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("winnow-cli-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    // Unreadable test files must be made readable again before they can be removed.
    _ = try? FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: url.path)
    if let walker = FileManager.default.enumerator(atPath: url.path) {
      while let relative = walker.nextObject() as? String {
        _ = try? FileManager.default.setAttributes(
          [.posixPermissions: 0o755], ofItemAtPath: url.appendingPathComponent(relative).path)
      }
    }
    try? FileManager.default.removeItem(at: url)
  }

  var path: String { url.path }

  /// Writes `contents` at `relative` (creating directories); returns its path.
  @discardableResult
  func file(_ relative: String, _ contents: String) throws -> String {
    try file(relative, bytes: Array(contents.utf8))
  }

  @discardableResult
  func file(_ relative: String, bytes: [UInt8]) throws -> String {
    let target = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: target)
    return target.path
  }
}
