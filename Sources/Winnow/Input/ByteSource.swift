import CWinnowZlib
import Glibc

/// A stream of bytes read in chunks: a file descriptor, or gzip inflating another source.
protocol ByteSource: AnyObject {
  /// Fills `buffer` from the start; returns the count, 0 only at the end of the stream.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputReadError) -> Int
}

/// A read that failed: the system's errno (`unreadable`), or corrupt compressed data
/// (`invalid-gzip`).
struct InputReadError: Error {
  var message: String
  var code: InputFailure.Code = .unreadable

  init(message: String, code: InputFailure.Code = .unreadable) {
    self.message = message
    self.code = code
  }
  init(errno code: Int32) { message = String(cString: strerror(code)) }

  static func invalidGzip(_ message: String) -> InputReadError {
    InputReadError(message: message, code: .invalidGzip)
  }
}

/// An open file descriptor; closes it when done (except stdin).
final class DescriptorSource: ByteSource {
  let descriptor: Int32
  private let owned: Bool

  init(descriptor: Int32, owned: Bool) {
    self.descriptor = descriptor
    self.owned = owned
  }

  /// Opens `pathBytes` for reading, or says why not (`strerror`).
  static func open(_ pathBytes: [UInt8]) -> Result<DescriptorSource, InputReadError> {
    let descriptor = Glibc.open(pathBytes.cString, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(InputReadError(errno: errno)) }
    return .success(DescriptorSource(descriptor: descriptor, owned: true))
  }

  deinit { if owned { close(descriptor) } }

  /// The file's size when it is a regular file, to size buffers and reject big files early.
  var regularFileSize: Int? {
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputReadError) -> Int {
    while true {
      let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      if errno == EINTR { continue }
      throw InputReadError(errno: errno)
    }
  }
}

/// Inflates gzip data from `input` as it is read; concatenated members (as `cat a.gz b.gz`
/// makes) are read one after another, as `gzip -d` does. Bytes after a member that are
/// neither another member nor zero padding (as `tar` leaves) are an `invalid-gzip` error:
/// a damaged second member must not pass for the end of the data.
final class GzipSource: ByteSource {
  private let input: ByteReader
  private let inflater: OpaquePointer
  private var memberEnded = false
  /// Set once the data after the last member was found not to be gzip.
  private var finished = false

  init(input: ByteReader) throws(InputReadError) {
    guard let inflater = wn_inflater_create() else {
      throw InputReadError(message: "out of memory for gzip")
    }
    self.input = input
    self.inflater = inflater
  }

  deinit { wn_inflater_destroy(inflater) }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputReadError) -> Int {
    if finished { return 0 }
    while true {
      if input.available == 0 {
        guard try input.fill() else {
          if memberEnded { return 0 }
          throw .invalidGzip("truncated gzip data")
        }
      }
      if memberEnded {
        guard Array(try input.peek(2)) == [0x1F, 0x8B] else {
          try skipZeroPadding()
          finished = true
          return 0
        }
        guard wn_inflater_reset(inflater) == WN_Z_OK else {
          throw InputReadError(message: "gzip reset failed")
        }
        memberEnded = false
      }
      var consumed: UInt32 = 0
      var produced: UInt32 = 0
      let status = input.withAvailableBytes { available in
        wn_inflate(
          inflater, available.baseAddress, UInt32(min(available.count, Int(UInt32.max))),
          &consumed, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self),
          UInt32(min(buffer.count, Int(UInt32.max))), &produced)
      }
      input.consume(Int(consumed))
      switch status {
      case WN_Z_MEMBER_END: memberEnded = true
      case WN_Z_OK: break
      default:
        throw .invalidGzip(
          "corrupt gzip data: \(String(cString: wn_inflater_message(inflater)))")
      }
      if produced > 0 { return Int(produced) }
      if status == WN_Z_OK && consumed == 0 && input.available > 0 {
        throw .invalidGzip("corrupt gzip data: no progress")
      }
    }
  }

  /// Reads the rest of the input, which may only be zero bytes; in constant memory.
  private func skipZeroPadding() throws(InputReadError) {
    while true {
      if input.available == 0 {
        guard try input.fill() else { return }
      }
      let allZero = input.withAvailableBytes { bytes in bytes.allSatisfy { $0 == 0 } }
      guard allZero else {
        throw .invalidGzip("data after the end of a gzip member is not gzip (a damaged member?)")
      }
      input.consume(input.available)
    }
  }
}

/// A buffer over a `ByteSource` with the operations the readers need: peek, lines, blocks.
final class ByteReader {
  private let source: any ByteSource
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0
  private(set) var reachedEnd = false

  init(source: any ByteSource, capacity: Int = 1 << 16) {
    self.source = source
    buffer = [UInt8](repeating: 0, count: capacity)
  }

  var available: Int { end - start }

  /// Reads more into the buffer (moving what is left to the front); false at the end.
  @discardableResult
  func fill() throws(InputReadError) -> Bool {
    if reachedEnd { return false }
    if start > 0 {
      if start < end {
        buffer.withUnsafeMutableBytes { raw in
          raw.baseAddress!.copyMemory(from: raw.baseAddress! + start, byteCount: end - start)
        }
      }
      end -= start
      start = 0
    }
    if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
    let result = buffer.withUnsafeMutableBytes { raw in
      Result { () throws(InputReadError) in
        try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
      }
    }
    let count = try result.get()
    if count == 0 {
      reachedEnd = true
      return false
    }
    end += count
    return true
  }

  /// Up to `count` bytes ahead, without consuming them.
  func peek(_ count: Int) throws(InputReadError) -> ArraySlice<UInt8> {
    while available < count, try fill() {}
    return buffer[start..<min(end, start + count)]
  }

  func consume(_ count: Int) { start += min(count, available) }

  func withAvailableBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
  }

  /// Reads the next line into `line` (emptied first), without its `\n`; returns the line's
  /// length, or nil at the end of the stream when no bytes were left. Only `\n` ends a line.
  /// A line longer than `limit` keeps only its first `limit` bytes in `line` and is read
  /// past in constant memory: its length tells the caller it was cut.
  func readLine(into line: inout [UInt8], limit: Int) throws(InputReadError) -> Int? {
    line.removeAll(keepingCapacity: line.capacity <= 1 << 20)
    var length = 0
    var sawBytes = false
    while true {
      if available == 0 {
        guard try fill() else { return sawBytes ? length : nil }
      }
      sawBytes = true
      let newline: Int? = withAvailableBytes { bytes in
        guard let base = bytes.baseAddress,
          let found = memchr(base, Int32(UInt8(ascii: "\n")), bytes.count)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
      }
      let take = newline ?? available
      let keep = max(0, min(take, limit - length))
      line.append(contentsOf: buffer[start..<start + keep])
      length += take
      start += take
      if newline != nil {
        start += 1
        return length
      }
    }
  }

  /// Appends up to `count` bytes to `output`; returns how many there were.
  func read(upTo count: Int, into output: inout [UInt8]) throws(InputReadError) -> Int {
    var copied = 0
    while copied < count {
      if available == 0 {
        guard try fill() else { break }
      }
      let take = min(available, count - copied)
      output.append(contentsOf: buffer[start..<start + take])
      start += take
      copied += take
    }
    return copied
  }

  /// Skips up to `count` bytes, calling `visit` on each chunk (to count lines); returns how
  /// many were skipped.
  func skip(upTo count: Int, visit: (UnsafeBufferPointer<UInt8>) -> Void) throws(InputReadError)
    -> Int
  {
    var skipped = 0
    while skipped < count {
      if available == 0 {
        guard try fill() else { break }
      }
      let take = min(available, count - skipped)
      buffer.withUnsafeBufferPointer {
        visit(UnsafeBufferPointer(rebasing: $0[start..<start + take]))
      }
      start += take
      skipped += take
    }
    return skipped
  }
}
