/// A 64-bit hash of a line with white space and case folded, so that `Home | News` and
/// ` home  |  news ` count as the same line on two pages. Blank lines have none.
///
/// FNV-1a over the UTF-8 bytes of the folded text: runs of white space become one space,
/// leading and trailing white space go, letters are lowercased (ASCII on a fast path).
enum LineFingerprint {
  static func of(_ text: String) -> UInt64? {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var empty = true
    var pendingSpace = false
    func feed(_ scalar: Unicode.Scalar) {
      for byte in UTF8.encode(scalar)! {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      }
    }
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        if value == 0x20 || (0x09...0x0D).contains(value) {
          pendingSpace = !empty
          continue
        }
        if pendingSpace { feed(" ") }
        pendingSpace = false
        empty = false
        let lowered = (0x41...0x5A).contains(value) ? value + 0x20 : value
        hash = (hash ^ UInt64(lowered)) &* 0x0000_0100_0000_01b3
        continue
      }
      let properties = scalar.properties
      if properties.isWhitespace {
        pendingSpace = !empty
        continue
      }
      if pendingSpace { feed(" ") }
      pendingSpace = false
      empty = false
      if properties.changesWhenLowercased {
        for lowered in properties.lowercaseMapping.unicodeScalars { feed(lowered) }
      } else {
        feed(scalar)
      }
    }
    return empty ? nil : hash
  }
}
