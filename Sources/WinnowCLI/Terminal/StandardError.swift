import Foundation

/// Unbuffered writes to stderr. `FileHandle.write(_:)` is avoided on purpose: it traps on
/// EPIPE, and stderr may be a closed pipe too.
enum StandardError {
  static func write(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        Foundation.write(2, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// Whether stderr is a terminal, where progress lines and colour make sense.
  static var isTerminal: Bool { isatty(2) == 1 }
}
