import Foundation
import Glibc

/// Buffered output to a file descriptor: stdout or a file. Thread-safe (one lock per call),
/// so a run's writer and a progress ticker may share it.
///
/// Writes go through `write(2)`, retried on EINTR and short writes; a failure throws
/// `OutputError` (EPIPE included: with SIGPIPE ignored, a closed pipe is an error value, never
/// a crash, which is why `FileHandle.write(_:)` is not used).
public final class FileByteSink: ByteSink, @unchecked Sendable {
  /// How many bytes collect before a `write(2)`.
  static let bufferSize = 1 << 16

  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private let path: String
  private let lock = NSLock()
  private var buffer: [UInt8] = []
  private var closed = false

  /// Stdout; `close()` flushes it but leaves the descriptor open.
  public static func standardOutput() -> FileByteSink {
    FileByteSink(descriptor: STDOUT_FILENO, ownsDescriptor: false, path: "-")
  }

  /// Stderr, unbuffered in effect only when flushed; for error lines.
  public static func standardError() -> FileByteSink {
    FileByteSink(descriptor: STDERR_FILENO, ownsDescriptor: false, path: "(stderr)")
  }

  /// Creates or truncates the file at `path` (mode 0644).
  public convenience init(path: String) throws(OutputError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw OutputError(path: path, errno: errno, operation: "open")
    }
    self.init(descriptor: descriptor, ownsDescriptor: true, path: path)
  }

  private init(descriptor: Int32, ownsDescriptor: Bool, path: String) {
    self.descriptor = descriptor
    self.ownsDescriptor = ownsDescriptor
    self.path = path
    buffer.reserveCapacity(Self.bufferSize)
  }

  /// A sink dropped without `close()` still writes what it buffered (errors can no longer
  /// be reported then; `close()` is the way to hear of them).
  deinit {
    guard !closed else { return }
    try? drain()
    if ownsDescriptor { Glibc.close(descriptor) }
  }

  public func write(_ bytes: [UInt8]) throws {
    try lock.withLock {
      if bytes.count >= Self.bufferSize {
        try drain()
        try writeAll(bytes)
        return
      }
      buffer.append(contentsOf: bytes)
      if buffer.count >= Self.bufferSize { try drain() }
    }
  }

  public func flush() throws {
    try lock.withLock { try drain() }
  }

  /// Flushes, then closes the file (stdout stays open).
  public func close() throws {
    try lock.withLock {
      guard !closed else { return }
      defer {
        closed = true
        if ownsDescriptor { Glibc.close(descriptor) }
      }
      try drain()
      if ownsDescriptor, fsync(descriptor) != 0, errno != EINVAL, errno != EROFS {
        throw OutputError(path: path, errno: errno, operation: "sync")
      }
    }
  }

  private func drain() throws {
    guard !buffer.isEmpty else { return }
    defer { buffer.removeAll(keepingCapacity: true) }
    try writeAll(buffer)
  }

  private func writeAll(_ bytes: [UInt8]) throws {
    let failure: Int32 = bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return 0
    }
    if failure != 0 { throw OutputError(path: path, errno: failure, operation: "write") }
  }
}
