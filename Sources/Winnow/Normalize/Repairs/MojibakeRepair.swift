/// Undoes the commonest mojibake: UTF-8 bytes decoded as windows-1252 or Latin-1, as in
/// `cafÃ©` for `café`, `â€™` for `’`, `Ð¿Ñ€Ð¸` for `при`, and one level of it per round.
///
/// Conservative, so that correct text never changes: only sequences whose first character
/// is a lead seen in real mojibake (Â Ã Å Ð Ñ â ï) followed by characters standing for
/// UTF-8 continuation bytes, decoding to valid UTF-8; Cyrillic leads (Ð Ñ, also letters
/// of Icelandic and Spanish) need two such sequences in the line, `Å` is not taken before
/// quotes, dashes or a no-break space, and `â` needs the second
/// byte of a punctuation or symbol sequence (U+2000...U+21BF).
struct MojibakeRepair: LineRepair {
  /// windows-1252's characters for bytes 0x80...0x9F; Latin-1 controls stand for the
  /// bytes windows-1252 leaves undefined.
  private static let windows1252High: [UInt32: UInt8] = {
    let scalars: [UInt32] = [
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    var table: [UInt32: UInt8] = [:]
    for (offset, scalar) in scalars.enumerated() {
      table[scalar] = UInt8(0x80 + offset)
      table[UInt32(0x80 + offset)] = UInt8(0x80 + offset)
    }
    return table
  }()

  /// The byte a character stands for when it is a UTF-8 continuation byte (0x80...0xBF)
  /// misread as windows-1252 or Latin-1.
  static func continuationByte(_ scalar: Unicode.Scalar) -> UInt8? {
    switch scalar.value {
    case 0xA0...0xBF: UInt8(scalar.value)
    case 0x80...0x9F, 0x152...0x2122: windows1252High[scalar.value]
    default: nil
    }
  }

  /// Leads of 2-byte sequences and the lead of 3-byte ones this repair undoes.
  static func isLead(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xC2, 0xC3, 0xC5, 0xD0, 0xD1, 0xE2, 0xEF: true
    default: false
    }
  }

  /// Cheap test for the line triage: a lead followed by a continuation character.
  static func mayStart(_ previous: Unicode.Scalar, _ scalar: Unicode.Scalar) -> Bool {
    isLead(previous) && continuationByte(scalar) != nil
  }

  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    guard scalars.count >= 2 else { return false }
    var matches: [(start: Int, length: Int, scalar: Unicode.Scalar)] = []
    var cyrillicMatches = 0
    var index = 0
    while index + 1 < scalars.count {
      if let match = Self.sequence(in: scalars, at: index) {
        matches.append((index, match.length, match.scalar))
        if scalars[index].value == 0xD0 || scalars[index].value == 0xD1 { cyrillicMatches += 1 }
        index += match.length
      } else {
        index += 1
      }
    }
    if cyrillicMatches == 1 {
      matches.removeAll { $0.length == 2 && (0x400...0x47F).contains($0.scalar.value) }
    }
    guard !matches.isEmpty else { return false }
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count)
    var next = 0
    for match in matches {
      output.append(contentsOf: scalars[next..<match.start])
      output.append(match.scalar)
      next = match.start + match.length
    }
    output.append(contentsOf: scalars[next...])
    scalars = output
    report.count(.mojibake, matches.count)
    return true
  }

  /// The scalar a mojibake sequence starting at `index` stands for, and its length.
  private static func sequence(in scalars: [Unicode.Scalar], at index: Int) -> (
    length: Int, scalar: Unicode.Scalar
  )? {
    let lead = scalars[index].value
    guard isLead(scalars[index]), let second = continuationByte(scalars[index + 1]) else {
      return nil
    }
    switch lead {
    case 0xC2, 0xC3, 0xD0, 0xD1:
      return (2, Unicode.Scalar((lead & 0x1F) << 6 | UInt32(second & 0x3F))!)
    case 0xC5:
      // `Å` before a no-break space, a curly quote or a dash is more likely correct text.
      guard second != 0xA0 && !(0x91...0x97).contains(second) else { return nil }
      return (2, Unicode.Scalar((lead & 0x1F) << 6 | UInt32(second & 0x3F))!)
    default:
      guard index + 2 < scalars.count, let third = continuationByte(scalars[index + 2]) else {
        return nil
      }
      if lead == 0xE2 && second > 0x86 { return nil }
      if lead == 0xEF && (second != 0xBB || third != 0xBF) { return nil }
      let value = (lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
      return (3, Unicode.Scalar(value)!)
    }
  }
}
