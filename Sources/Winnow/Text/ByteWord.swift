/// Eight bytes tested at once, for the scans that look for rare bytes in long runs of
/// common ones (line ends, JSON escapes, NUL and ESC).
enum ByteWord {
  /// The eight bytes at `offset` of `base`, the first one lowest.
  @inline(__always)
  static func load(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
    UInt64(
      littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// Whether one of the bytes of `word` is below `bound` (at most 0x80):
  /// `(x - bound repeated) & ~x & 0x80…80` is not zero exactly when one is.
  @inline(__always)
  static func hasByte(below bound: UInt8, in word: UInt64) -> Bool {
    (word &- 0x0101_0101_0101_0101 &* UInt64(bound)) & ~word & 0x8080_8080_8080_8080 != 0
  }

  /// Whether one of the bytes of `word` is `byte`: that byte is a zero byte of `word` XOR
  /// `byte` repeated.
  @inline(__always)
  static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
    hasByte(below: 1, in: word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
  }
}
