/// The bytes of a model, either the file assembled into the binary (static, never freed) or a
/// copy of a file read at run time (freed with the last model that uses it). Immutable after
/// creation, so sharing the pointer between threads is safe.
final class ModelBytes: @unchecked Sendable {
  let buffer: UnsafeRawBufferPointer
  private let ownsBuffer: Bool

  /// Copies `bytes` into 16-byte aligned memory of its own.
  init(copying bytes: [UInt8]) {
    let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
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
