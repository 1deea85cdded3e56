/// Eight bytes tested at once, for the scans that look for rare bytes in long runs of
/// common ones (line ends, JSON escapes, NUL and ESC, the triggers of the normalize stage).
enum ByteWord {
  /// The eight bytes at `offset` of `base`, the first one lowest.
  @inline(__always)
  static func load(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
    UInt64(
      littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// The top bit of each byte of `word` that is below `bound` (at most 0x80), and no other
  /// bit: adding `0x80 - bound` to each byte's low seven bits sets the top bit of every
  /// byte but those, with no carry between bytes. The lowest mark is the first such byte
  /// (`trailingZeroBitCount >> 3`).
  @inline(__always)
  static func marks(below bound: UInt8, in word: UInt64) -> UInt64 {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((word & low) &+ 0x0101_0101_0101_0101 &* UInt64(0x80 - bound)) | word) & ~low
  }

  /// The top bit of each byte of `word` that is `byte`, and no other bit: that byte is a
  /// zero byte of `word` XOR `byte` repeated.
  @inline(__always)
  static func marks(of byte: UInt8, in word: UInt64) -> UInt64 {
    marks(below: 1, in: word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
  }
}
