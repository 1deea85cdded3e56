import CWinnowZlib
import Foundation
import Glibc

/// Output compressed as one gzip member, for `-o out.jsonl.gz`. Thread-safe like
/// `FileByteSink`, which it writes through. `flush()` passes on what is compressed so far
/// without forcing a zlib flush (that would hurt the ratio when called often); `close()`
/// finishes the member, and only then is the file complete.
package final class GzipFileSink: ByteSink, @unchecked Sendable {
  private let file: FileByteSink
  private let path: String
  private let lock = NSLock()
  private var deflater: OpaquePointer?
  private var output = [UInt8](repeating: 0, count: 1 << 16)

  /// Creates or truncates `path`; `level` 1 (fastest) to 9 (smallest), 6 by default.
  package init(path: String, level: Int32 = 6) throws(OutputError) {
    file = try FileByteSink(path: path)
    self.path = path
    guard let deflater = wn_deflater_create(level) else {
      throw OutputError(path: path, errno: ENOMEM, operation: "compress")
    }
    self.deflater = deflater
  }

  /// Dropped without `close()`, the member is still finished, so the file is valid gzip.
  deinit {
    if deflater != nil { try? close() }
  }

  package func write(_ bytes: [UInt8]) throws {
    try lock.withLock { try compress(bytes, finish: false) }
  }

  package func flush() throws {
    try lock.withLock { try file.flush() }
  }

  package func close() throws {
    try lock.withLock {
      guard deflater != nil else { return }
      try compress([], finish: true)
      wn_deflater_destroy(deflater)
      deflater = nil
      try file.close()
    }
  }

  private func compress(_ bytes: [UInt8], finish: Bool) throws {
    guard let deflater else { throw OutputError(path: path, errno: EBADF, operation: "write") }
    var offset = 0
    while true {
      var consumed: UInt32 = 0
      var produced: UInt32 = 0
      let status = bytes.withUnsafeBufferPointer { input in
        output.withUnsafeMutableBufferPointer { out in
          wn_deflate(
            deflater, input.baseAddress.map { $0 + offset }, UInt32(input.count - offset),
            &consumed, out.baseAddress, UInt32(out.count), &produced, finish ? 1 : 0)
        }
      }
      if status == WN_Z_FAILURE {
        throw OutputError(path: path, errno: EIO, operation: "compress")
      }
      offset += Int(consumed)
      if produced > 0 { try file.write(Array(output[0..<Int(produced)])) }
      if finish ? status == WN_Z_MEMBER_END : offset >= bytes.count && produced == 0 {
        return
      }
    }
  }
}

/// Opens the output file a path names: gzip-compressed when it ends in `.gz`.
public enum OutputFile {
  public static func open(path: String) throws(OutputError) -> any ByteSink & Sendable {
    path.hasSuffix(".gz") ? try GzipFileSink(path: path) : try FileByteSink(path: path)
  }
}
