/// Walks the Unicode scalar values of a substring straight from its UTF-8 bytes, which is
/// faster than `unicodeScalars` in the scoring hot loop. Swift strings hold valid UTF-8, so the
/// decoder needs no error handling.
enum ScalarValues {
  /// Calls `body(value)` for each scalar of `text` until it returns false.
  @inline(__always)
  static func forEach(in text: Substring, _ body: (UInt32) -> Bool) {
    let walked: Void? = text.utf8.withContiguousStorageIfAvailable { forEach(in: $0, body) }
    if walked == nil {
      for scalar in text.unicodeScalars {
        guard body(scalar.value) else { return }
      }
    }
  }

  /// The same for bytes known to be valid UTF-8 (a string's, or a checked file's).
  @inline(__always)
  static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Bool) {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = UInt32(bytes[index])
      let value: UInt32
      if lead < 0x80 {
        value = lead
        index += 1
      } else if lead < 0xE0 {
        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        index += 2
      } else if lead < 0xF0 {
        value =
          (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
          | UInt32(bytes[index + 2] & 0x3F)
        index += 3
      } else {
        value =
          (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
          | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        index += 4
      }
      guard body(value) else { return }
    }
  }
}
