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
    let lead = bytes[index]
    let (length, low, high): (Int, UInt8, UInt8)
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
    case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
    case 0xED: (length, low, high) = (3, 0x80, 0x9F)
    case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
    case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
    case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    guard (low...high).contains(bytes[index + 1]) else { return 0 }
    for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
      return 0
    }
    return length
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
  }
}
