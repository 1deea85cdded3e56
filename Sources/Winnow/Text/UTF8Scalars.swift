/// The one UTF-8 scalar walker of the text layer: every stage that reads scalars off bytes
/// reads them here, on an `UnsafeBufferPointer<UInt8>`, allocating nothing.
///
/// Two modes: `decode` for bytes known to be valid (a Swift string's), which trusts the lead
/// byte; `decodeRepairing` for any bytes, which takes each maximal ill-formed subpart as one
/// error (Unicode table 3-7, as Swift's own repairing decoder and ICU do), so that its
/// scalars and errors are those of `String(decoding:as:)`.
enum UTF8Scalars {
  /// The scalar that starts at `index` of valid UTF-8, and how many bytes it takes.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    value: UInt32, length: Int
  ) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index &+ 1] & 0x3F), 2) }
    if lead < 0xF0 {
      return (
        (lead & 0x0F) << 12 | UInt32(bytes[index &+ 1] & 0x3F) << 6
          | UInt32(bytes[index &+ 2] & 0x3F), 3
      )
    }
    return (
      (lead & 0x07) << 18 | UInt32(bytes[index &+ 1] & 0x3F) << 12
        | UInt32(bytes[index &+ 2] & 0x3F) << 6 | UInt32(bytes[index &+ 3] & 0x3F), 4
    )
  }

  /// Calls `body(value)` for each scalar of valid UTF-8 `bytes` until it returns false.
  @inline(__always)
  static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Bool) {
    var index = 0
    let count = bytes.count
    while index < count {
      let (value, length) = decode(bytes, at: index)
      index &+= length
      guard body(value) else { return }
    }
  }

  /// The same for the bytes of a string or substring (always valid UTF-8).
  @inline(__always)
  static func forEach<Text: StringProtocol>(in text: Text, _ body: (UInt32) -> Bool) {
    let walked: Void? = text.utf8.withContiguousStorageIfAvailable { forEach(in: $0, body) }
    if walked == nil {
      for scalar in text.unicodeScalars {
        guard body(scalar.value) else { return }
      }
    }
  }

  /// Whether `bytes` are valid UTF-8, as `String(validating:as:)` judges them: ASCII eight
  /// bytes at a time, two- and three-byte sequences (all of the BMP's text) by a test of
  /// their own, the others by `decodeRepairing`.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      if index &+ 8 <= count
        && ByteWord.load(bytes.baseAddress!, at: index) & 0x8080_8080_8080_8080 == 0
      {
        index &+= 8
        continue
      }
      let lead = bytes[index]
      if lead < 0x80 {
        index &+= 1
        continue
      }
      // U+0080...U+07FF: a lead that is no overlong, one continuation byte.
      if lead >= 0xC2 && lead <= 0xDF && index &+ 1 < count && bytes[index &+ 1] & 0xC0 == 0x80 {
        index &+= 2
        continue
      }
      // U+0800...U+FFFF but the surrogates: table 3-7 narrows the second byte after 0xE0
      // (no overlong) and 0xED (no surrogate).
      if lead & 0xF0 == 0xE0 && index &+ 2 < count {
        let second = bytes[index &+ 1]
        let third = bytes[index &+ 2]
        let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
        let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
        if second >= low && second <= high && third & 0xC0 == 0x80 {
          index &+= 3
          continue
        }
      }
      let (value, length, _) = decodeRepairing(bytes, at: index)
      guard value != nil else { return false }
      index &+= length
    }
    return true
  }

  /// What starts at `index` of any bytes: a scalar (`value` not nil) or one maximal
  /// ill-formed subpart (`value` nil), and how many bytes it takes. `truncated` is true when
  /// the subpart is a sequence cut off by the end of `bytes`.
  static func decodeRepairing(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    value: UInt32?, length: Int, truncated: Bool
  ) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1, false) }
    guard let shape = LeadShape(lead) else { return (nil, 1, false) }
    var value = UInt32(lead) & shape.payloadMask
    var next = index + 1
    for position in 0..<shape.continuations {
      guard next < bytes.count else { return (nil, next - index, true) }
      let byte = bytes[next]
      let range = position == 0 ? shape.second : 0x80...0xBF
      guard range.contains(byte) else { return (nil, next - index, false) }
      value = value << 6 | UInt32(byte & 0x3F)
      next += 1
    }
    return (value, next - index, false)
  }

  /// How many continuation bytes follow a lead byte, and which values the first of them may
  /// take (Unicode table 3-7 narrows it to rule out overlongs and surrogates).
  private struct LeadShape {
    var continuations: Int
    var second: ClosedRange<UInt8>
    var payloadMask: UInt32

    init?(_ lead: UInt8) {
      switch lead {
      case 0xC2...0xDF: (continuations, second, payloadMask) = (1, 0x80...0xBF, 0x1F)
      case 0xE0: (continuations, second, payloadMask) = (2, 0xA0...0xBF, 0x0F)
      case 0xE1...0xEC, 0xEE...0xEF: (continuations, second, payloadMask) = (2, 0x80...0xBF, 0x0F)
      case 0xED: (continuations, second, payloadMask) = (2, 0x80...0x9F, 0x0F)
      case 0xF0: (continuations, second, payloadMask) = (3, 0x90...0xBF, 0x07)
      case 0xF1...0xF3: (continuations, second, payloadMask) = (3, 0x80...0xBF, 0x07)
      case 0xF4: (continuations, second, payloadMask) = (3, 0x80...0x8F, 0x07)
      default: return nil
      }
    }
  }
}
