import Foundation
import Glibc

/// A scratch directory for one test, removed when the test's value goes away.
final class TemporaryTree {
  let root: String

  init() {
    var template = Array("/tmp/winnow-test-XXXXXX".utf8CString)
    root = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  func path(_ relative: String) -> String { root + "/" + relative }

  /// Writes `bytes` at `relative` (as raw name bytes below the root), creating directories.
  @discardableResult
  func file(_ relative: [UInt8], _ bytes: [UInt8] = Array("text".utf8)) -> String {
    let full = Array(root.utf8) + [UInt8(ascii: "/")] + relative
    let parent = full[..<(full.lastIndex(of: UInt8(ascii: "/")) ?? full.endIndex)]
    try? FileManager.default.createDirectory(
      atPath: String(decoding: parent, as: UTF8.self), withIntermediateDirectories: true)
    let descriptor = open(full.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
    precondition(descriptor >= 0, "cannot create test file")
    bytes.withUnsafeBytes { _ = write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    return String(decoding: full, as: UTF8.self)
  }

  @discardableResult
  func file(_ relative: String, _ text: String = "text") -> String {
    file(Array(relative.utf8), Array(text.utf8))
  }

  func directory(_ relative: String) {
    try? FileManager.default.createDirectory(
      atPath: path(relative), withIntermediateDirectories: true)
  }

  func symlink(_ relative: String, to target: String) {
    _ = Glibc.symlink(target, path(relative))
  }

  func fifo(_ relative: String) {
    _ = mkfifo(path(relative), 0o644)
  }
}
