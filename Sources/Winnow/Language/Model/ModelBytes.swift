/// The bytes of a model, either the file assembled into the binary (static, never freed) or a
/// copy of a file read at run time (freed with the last model that uses it). Immutable after
/// creation, so sharing the pointer between threads is safe.
final class ModelBytes: @unchecked Sendable {
  let buffer: UnsafeRawBufferPointer
  private let ownsBuffer: Bool

  /// Copies `bytes` into memory of its own aligned like the embedded model (`langid.S`), so
  /// the records sit in cache lines as they do in the file.
  init(copying bytes: [UInt8]) {
    let copy = UnsafeMutableRawBufferPointer.allocate(
      byteCount: bytes.count, alignment: NgramTable.lineBytes)
    copy.copyBytes(from: bytes)
    buffer = UnsafeRawBufferPointer(copy)
    ownsBuffer = true
  }

  /// Uses memory that lives as long as the program (the model assembled into the binary).
  init(static buffer: UnsafeRawBufferPointer) {
    self.buffer = buffer
    ownsBuffer = false
  }

  deinit {
    if ownsBuffer { buffer.deallocate() }
  }

  var count: Int { buffer.count }

  func uint32(at offset: Int) -> UInt32 {
    UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }
}
