/// Appends JSON text straight to a byte buffer: the writer's hot path, so no `JSONEncoder`,
/// no intermediate `String`s.
///
/// Strings are written as UTF-8 with only what JSON requires escaped (`"`, `\`, and control
/// characters below U+0020); `/`, non-ASCII and U+2028/U+2029 stay as they are, so records
/// remain readable and byte-comparable with other tools' output.
struct JSONBytes {
  var bytes: [UInt8] = []

  init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  mutating func raw(_ ascii: StaticString) {
    ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  mutating func byte(_ ascii: UInt8) { bytes.append(ascii) }

  mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var runStart = 0
      var index = 0
      // Eight bytes at a time: a word's bytes that need escaping are marked, and taken
      // lowest first; most words have none.
      while index &+ 8 <= utf8.count {
        let word = ByteWord.load(utf8.baseAddress!, at: index)
        var escapes =
          ByteWord.marks(below: 0x20, in: word) | ByteWord.marks(of: 0x22, in: word)
          | ByteWord.marks(of: 0x5C, in: word)
        while escapes != 0 {
          let position = index &+ escapes.trailingZeroBitCount >> 3
          appendRun(utf8, from: runStart, to: position)
          appendEscape(utf8[position])
          runStart = position &+ 1
          escapes &= escapes &- 1
        }
        index &+= 8
      }
      for position in index..<utf8.count {
        let byte = utf8[position]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
          continue
        }
        appendRun(utf8, from: runStart, to: position)
        appendEscape(byte)
        runStart = position &+ 1
      }
      appendRun(utf8, from: runStart, to: utf8.count)
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func appendRun(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
  {
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end]))
  }

  private mutating func appendEscape(_ byte: UInt8) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    default:
      let hex: [UInt8] = Array("0123456789abcdef".utf8)
      raw("u00")
      bytes.append(hex[Int(byte >> 4)])
      bytes.append(hex[Int(byte & 0x0F)])
    }
  }

  mutating func integer(_ value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      // `Int.min` has no positive twin; its magnitude fits in UInt.
      unsigned(UInt(bitPattern: 0 &- value))
    } else {
      unsigned(UInt(value))
    }
  }

  private mutating func unsigned(_ value: UInt) {
    var digits = 1
    var scale: UInt = 10
    while digits < 20, value >= scale {
      digits += 1
      scale &*= 10
    }
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    var rest = value
    var position = bytes.count - 1
    repeat {
      bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
      position -= 1
    } while rest > 0
  }

  /// A score or confidence, rounded to 4 decimals and printed in the shortest form that
  /// reads back the same (`0.99`, not `0.98999999`); JSON has no NaN or infinity, so those
  /// become 0.
  mutating func decimal(_ value: Double) {
    guard value.isFinite else {
      bytes.append(UInt8(ascii: "0"))
      return
    }
    let rounded = (value * 10_000).rounded() / 10_000
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
      integer(Int(rounded))
    } else {
      raw(rounded.description)
    }
  }

  /// `"key":` (the key is a fixed ASCII name).
  mutating func key(_ name: StaticString) {
    bytes.append(UInt8(ascii: "\""))
    raw(name)
    raw("\":")
  }
}
