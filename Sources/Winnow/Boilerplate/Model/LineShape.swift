/// Shapes of a line the tokens do not show: web addresses and the separators of menus and
/// breadcrumbs. One pass over the UTF-8 bytes.
struct LineShape {
  /// Has "://", "www.", "@" or ".com": an address, an e-mail, a handle.
  var linkLike = false
  /// "|", ">", "«", "»", "·", "•", "›": items of a menu or a breadcrumb trail.
  var separators = 0

  init(_ text: Substring) {
    let shape = text.utf8.withContiguousStorageIfAvailable { LineShape(bytes: $0) }
    self = shape ?? Array(text.utf8).withUnsafeBufferPointer { LineShape(bytes: $0) }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "|"), UInt8(ascii: ">"): separators += 1
      case UInt8(ascii: "@"): linkLike = true
      case UInt8(ascii: "/") where previous.2 == UInt8(ascii: "/") && previous.1 == 0x3A:
        linkLike = true
      case UInt8(ascii: "."):
        if previous == (0x77, 0x77, 0x77) { linkLike = true }
      case UInt8(ascii: "m"):
        if previous == (0x2E, 0x63, 0x6F) { linkLike = true }
      case 0xAB, 0xBB, 0xB7:
        if previous.2 == 0xC2 { separators += 1 }
      case 0xA2, 0xBA:
        if previous.2 == 0x80 && previous.1 == 0xE2 { separators += 1 }
      default: break
      }
      previous = (previous.1, previous.2, byte)
    }
  }
}
