/// Johab (KS X 1001 annex 3, Windows code page 1361): Korean with every modern Hangul
/// syllable encoded by its letters, which the system ICU has no converter for. A Hangul code
/// is `1 iiiii mmmmm fffff` (initial, medial and final letter); symbols and Hanja are KS X
/// 1001's, moved to lead bytes 0xD9...0xF9 and read through ICU's EUC-KR table. Bytes below
/// 0x80 are ASCII; a pair that is no character becomes U+FFFD and is counted.
enum Johab {
  static let name = "Johab"
  /// The names it goes by, lower-cased.
  static let aliases: Set<String> = ["johab", "x-johab", "cp1361", "ms1361", "windows-1361"]

  static func isNamed(_ charset: String) -> Bool { aliases.contains(charset.lowercased()) }

  static func decode(_ bytes: ArraySlice<UInt8>) -> ICUConverter.Converted {
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(bytes.count)
    var invalid = 0
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let lead = bytes[index]
      index += 1
      if lead < 0x80 {
        scalars.append(Unicode.Scalar(lead))
        continue
      }
      guard index < bytes.endIndex, let scalar = character(lead: lead, trail: bytes[index])
      else {
        scalars.append("\u{FFFD}")
        invalid += 1
        continue
      }
      index += 1
      scalars.append(scalar)
    }
    return ICUConverter.Converted(text: String(scalars), invalidBytes: invalid)
  }

  static func character(lead: UInt8, trail: UInt8) -> Unicode.Scalar? {
    switch lead {
    case 0x84...0xD3: hangul(code: UInt16(lead) << 8 | UInt16(trail))
    case 0xD9...0xDE, 0xE0...0xF9: ksX1001(lead: lead, trail: trail)
    default: nil
    }
  }

  /// Initial letters (field values 2...20), medial (3...29 with gaps), final (2...29 with a
  /// gap) as indices into Unicode's syllable arithmetic; -1 where a value is no letter.
  private static let initials: [Int] = (0..<32).map { (2...20).contains($0) ? $0 - 2 : -1 }
  private static let medials: [Int] = (0..<32).map {
    switch $0 {
    case 3...7: $0 - 3
    case 10...15: $0 - 5
    case 18...23: $0 - 7
    case 26...29: $0 - 9
    default: -1
    }
  }
  private static let finals: [Int] = (0..<32).map {
    switch $0 {
    case 2...17: $0 - 1
    case 19...29: $0 - 2
    default: -1
    }
  }
  /// Compatibility letters for a lone initial, and for a lone final (by final index 1...27).
  private static let initialJamo: [UInt32] = [
    0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141, 0x3142, 0x3143, 0x3145, 0x3146,
    0x3147, 0x3148, 0x3149, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E,
  ]
  private static let finalJamo: [UInt32] = [
    0x3131, 0x3132, 0x3133, 0x3134, 0x3135, 0x3136, 0x3137, 0x3139, 0x313A, 0x313B, 0x313C,
    0x313D, 0x313E, 0x313F, 0x3140, 0x3141, 0x3142, 0x3144, 0x3145, 0x3146, 0x3147, 0x3148,
    0x314A, 0x314B, 0x314C, 0x314D, 0x314E,
  ]

  /// A syllable, or a lone compatibility letter when only one field holds a letter (`ㅋ`).
  private static func hangul(code: UInt16) -> Unicode.Scalar? {
    let initialField = Int(code >> 10 & 0x1F)
    let medialField = Int(code >> 5 & 0x1F)
    let finalField = Int(code & 0x1F)
    let (initial, medial, final) = (
      initials[initialField], medials[medialField], finals[finalField]
    )
    let isFill = (initialField == 1, medialField == 2, finalField == 1)
    guard initial >= 0 || isFill.0, medial >= 0 || isFill.1, final >= 0 || isFill.2 else {
      return nil
    }
    switch (initial >= 0, medial >= 0, final >= 0) {
    case (true, true, _):
      return Unicode.Scalar(UInt32(0xAC00 + (initial * 21 + medial) * 28 + max(final, 0)))
    case (true, false, false): return Unicode.Scalar(initialJamo[initial])
    case (false, true, false): return Unicode.Scalar(UInt32(0x314F + medial))
    case (false, false, true): return Unicode.Scalar(finalJamo[final - 1])
    default: return nil
    }
  }

  /// KS X 1001's symbols and Hanja: two Johab rows share one lead byte.
  private static func ksX1001(lead: UInt8, trail: UInt8) -> Unicode.Scalar? {
    let column: Int
    switch trail {
    case 0x31...0x7E: column = Int(trail) - 0x31
    case 0x91...0xFE: column = Int(trail) - 0x43
    default: return nil
    }
    // Row 4's Hangul letters are encoded as Hangul codes, not here.
    if lead == 0xDA && (0xA1...0xD3).contains(trail) { return nil }
    let pairRow = lead < 0xE0 ? 2 * (Int(lead) - 0xD9) : 2 * Int(lead) - 0x197
    let row = pairRow + (column < 94 ? 0 : 1)
    let cell = column < 94 ? column : column - 94
    return ksX1001Table[row * 94 + cell]
  }

  /// KS X 1001's 94 × 94 characters, read once through ICU's EUC-KR converter.
  private static let ksX1001Table: [Unicode.Scalar?] = (0..<94).flatMap { row in
    let bytes = (0..<94).flatMap { [UInt8(0xA1 + row), UInt8(0xA1 + $0)] }
    guard case .success(let converted) = ICUConverter.convert(bytes[...], from: "EUC-KR") else {
      return [Unicode.Scalar?](repeating: nil, count: 94)
    }
    let scalars = Array(converted.text.unicodeScalars)
    guard scalars.count == 94 else { return [Unicode.Scalar?](repeating: nil, count: 94) }
    return scalars.map { $0 == "\u{FFFD}" ? nil : $0 }
  }
}
