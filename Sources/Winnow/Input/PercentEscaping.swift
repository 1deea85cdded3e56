/// Turns file-name bytes into a `String` without losing or inventing anything: valid UTF-8 is
/// kept as it is (not Unicode-normalized, so NFC and NFD twins stay different), and each byte
/// that is not part of valid UTF-8 becomes `%XX`. A lossy decode would give two different
/// files the same id (both names would end in U+FFFD). `%` itself becomes `%25`, so that the
/// names `caf%E9` and `caf\xE9` stay apart.
enum PercentEscaping {
  static func escapingInvalidUTF8(_ bytes: some Collection<UInt8>) -> String {
    let bytes = Array(bytes)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let length = validSequenceLength(bytes, at: index)
      if length > 0 && bytes[index] != UInt8(ascii: "%") {
        output.append(contentsOf: bytes[index..<index + length])
        index += length
      } else {
        output.append(UInt8(ascii: "%"))
        output.append(hexDigit(bytes[index] >> 4))
        output.append(hexDigit(bytes[index] & 0x0F))
        index += 1
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The length of the well-formed UTF-8 sequence starting at `index`, or 0 if there is none
  /// (Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
  static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let (value, length, _) = bytes.withUnsafeBufferPointer {
      UTF8Scalars.decodeRepairing($0, at: index)
    }
    return value == nil ? 0 : length
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
  }
}
