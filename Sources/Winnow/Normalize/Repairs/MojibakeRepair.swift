/// Undoes the commonest mojibake: UTF-8 bytes decoded as windows-1252 or Latin-1 (`cafÃ©`
/// for `café`, `â€™` for `’`, `Ð¿Ñ€Ð¸` for `при`), as MacRoman (`caf√©`) or as cp437
/// (`caf├⌐`), one level per round, so two layers take two rounds.
///
/// Conservative, so that correct text never changes: only sequences whose lead stands for
/// a UTF-8 lead seen in real mojibake (0xC2 0xC3 0xC5 0xD0 0xD1 0xE2 0xEF) followed by
/// characters of the same code page standing for continuation bytes, decoding to valid
/// UTF-8. Cyrillic results (whose leads Ð Ñ are letters of Icelandic and Spanish, – — in
/// MacRoman) need two in the line; `Å` is not taken before quotes, dashes or a no-break
/// space; a lead before a no-break space (ftfy's false positive: a capital letter before
/// a no-break space is normal text) needs a lowercase letter or digit before it or another
/// repair in the line; windows-1252's `â` needs the second byte of a punctuation, arrow or
/// math sequence (U+2000...U+223F); `ï` / `Ô` / `∩` only as the BOM.
struct MojibakeRepair: LineRepair {
  static let codePages: [MisreadCodePage] = [.western, .macRoman, .cp437]

  /// A match: where it starts, how many characters, what it stands for, and why it may need
  /// more evidence.
  struct Match {
    var start: Int
    var length: Int
    var scalar: Unicode.Scalar
    var beforeNoBreakSpace: Bool
  }

  static let leadBytes: Set<UInt8> = [0xC2, 0xC3, 0xC5, 0xD0, 0xD1, 0xE2, 0xEF]

  /// The characters that stand for the leads in one of the code pages: a cheap first test.
  static func isLead(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xC2, 0xC3, 0xC5, 0xD0, 0xD1, 0xE2, 0xEF: true
    case 0xAC, 0x221A, 0x2248, 0x2013, 0x2014, 0x201A, 0xD4: true
    case 0x252C, 0x251C, 0x253C, 0x2568, 0x2564, 0x0393, 0x2229: true
    default: false
    }
  }

  /// Cheap test for the line triage: a lead followed by a continuation character.
  static func mayStart(_ previous: Unicode.Scalar, _ scalar: Unicode.Scalar) -> Bool {
    guard isLead(previous) else { return false }
    return codePages.contains { page in
      page.byte(previous).map(leadBytes.contains) == true && page.continuationByte(scalar) != nil
    }
  }

  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    guard scalars.count >= 2 else { return false }
    var matches: [Match] = []
    var index = 0
    while index + 1 < scalars.count {
      if let match = Self.match(in: scalars, at: index) {
        matches.append(match)
        index += match.length
      } else {
        index += 1
      }
    }
    let cyrillic = matches.count { $0.length == 2 && (0x400...0x47F).contains($0.scalar.value) }
    if cyrillic == 1 {
      matches.removeAll { $0.length == 2 && (0x400...0x47F).contains($0.scalar.value) }
    }
    if matches.count == 1, matches[0].beforeNoBreakSpace {
      let start = matches[0].start
      let previous = start > 0 ? scalars[start - 1] : " "
      let wordGoesOn = previous.properties.isLowercase || ("0"..."9").contains(previous)
      if !wordGoesOn { matches.removeAll() }
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

  /// The first code page in which a mojibake sequence starts at `index`.
  private static func match(in scalars: [Unicode.Scalar], at index: Int) -> Match? {
    guard isLead(scalars[index]) else { return nil }
    for page in codePages {
      if let match = match(in: scalars, at: index, page: page) { return match }
    }
    return nil
  }

  private static func match(in scalars: [Unicode.Scalar], at index: Int, page: MisreadCodePage)
    -> Match?
  {
    guard let lead = page.byte(scalars[index]), leadBytes.contains(lead),
      let second = page.continuationByte(scalars[index + 1])
    else { return nil }
    let beforeNoBreakSpace = scalars[index + 1] == "\u{A0}"
    switch lead {
    case 0xC2, 0xC3, 0xC5, 0xD0, 0xD1:
      // `Å` before a no-break space, a curly quote or a dash is more likely correct text.
      if lead == 0xC5 && page.name == MisreadCodePage.western.name
        && (second == 0xA0 || (0x91...0x97).contains(second))
      {
        return nil
      }
      let value = UInt32(lead & 0x1F) << 6 | UInt32(second & 0x3F)
      return Match(
        start: index, length: 2, scalar: Unicode.Scalar(value)!,
        beforeNoBreakSpace: beforeNoBreakSpace)
    default:
      guard index + 2 < scalars.count, let third = page.continuationByte(scalars[index + 2])
      else { return nil }
      if lead == 0xE2 && page.name == MisreadCodePage.western.name && second > 0x88 {
        return nil
      }
      if lead == 0xEF && (second != 0xBB || third != 0xBF) { return nil }
      let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
      guard value >= 0x800, let scalar = Unicode.Scalar(value) else { return nil }
      return Match(start: index, length: 3, scalar: scalar, beforeNoBreakSpace: false)
    }
  }
}
