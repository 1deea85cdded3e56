/// Finds web addresses (`http://…`, `https://…`, `www.…`), which belong to no language: the
/// language stage treats their letters like digits and punctuation.
enum WebAddress {
  private static let prefixes: [[Unicode.Scalar]] = ["http://", "https://", "www."].map {
    Array($0.unicodeScalars)
  }

  /// Where the address starting at `index` ends (at the next whitespace or `limit`), or nil
  /// when none starts there. Only a token's start can begin an address.
  @inline(__always)
  static func end(startingAt index: Int, in scalars: [Unicode.Scalar], limit: Int) -> Int? {
    let first = scalars[index].value | 0x20
    guard first == 0x68 || first == 0x77 else { return nil }  // h, w
    guard index == 0 || isSpace(scalars[index - 1]) || scalars[index - 1] == "(" else {
      return nil
    }
    for prefix in prefixes where index + prefix.count <= limit {
      var matches = true
      for (offset, expected) in prefix.enumerated() {
        let value = scalars[index + offset].value
        let folded = value < 0x80 ? value | (expected.value >= 0x61 ? 0x20 : 0) : value
        if folded != expected.value {
          matches = false
          break
        }
      }
      if matches {
        var end = index + prefix.count
        while end < limit && !isSpace(scalars[end]) { end += 1 }
        return end
      }
    }
    return nil
  }

  /// Whitespace, without the Unicode property look-up for ASCII.
  @inline(__always)
  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80
      ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
      : scalar.properties.isWhitespace
  }
}
