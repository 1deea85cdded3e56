/// Shapes of a line the tokens do not show: web addresses and the separators of menus and
/// breadcrumbs. One pass over the UTF-8 bytes.
struct LineShape {
  /// Has "://", "www.", "@" or ".com": an address, an e-mail, a handle.
  var linkLike = false
  /// "|", ">", "«", "»", "·", "•", "›": items of a menu or a breadcrumb trail.
  var separators = 0

  /// No shape.
  init() {}

  init(_ text: Substring) {
    let shape = text.utf8.withContiguousStorageIfAvailable { LineShape(bytes: $0) }
    self = shape ?? Array(text.utf8).withUnsafeBufferPointer { LineShape(bytes: $0) }
  }

  /// The bytes that end one of the shapes: the scan looks back only at these.
  private static let ends: [Bool] = (0..<256).map {
    [0x7C, 0x3E, 0x40, 0x2F, 0x2E, 0x6D, 0xAB, 0xBB, 0xB7, 0xA2, 0xBA].contains($0)
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    Self.ends.withUnsafeBufferPointer { ends in
      for (position, byte) in bytes.enumerated() where ends[Int(byte)] {
        let back = { (distance: Int) -> UInt8 in
          position >= distance ? bytes[position - distance] : 0
        }
        switch byte {
        case UInt8(ascii: "|"), UInt8(ascii: ">"): separators += 1
        case UInt8(ascii: "@"): linkLike = true
        case UInt8(ascii: "/"):
          if back(1) == UInt8(ascii: "/") && back(2) == UInt8(ascii: ":") { linkLike = true }
        case UInt8(ascii: "."):
          if back(1) == 0x77 && back(2) == 0x77 && back(3) == 0x77 { linkLike = true }
        case UInt8(ascii: "m"):
          if back(1) == 0x6F && back(2) == 0x63 && back(3) == 0x2E { linkLike = true }
        case 0xAB, 0xBB, 0xB7:
          if back(1) == 0xC2 { separators += 1 }
        default:  // 0xA2, 0xBA
          if back(1) == 0x80 && back(2) == 0xE2 { separators += 1 }
        }
      }
    }
  }
}
