/// Turns C1 control characters back into the windows-1252 characters they stand for
/// (`l\u{92}Ecole` for `l’Ecole`, `\u{84}Handwerk\u{93}` for `„Handwerk“`, U+0085 for `…`):
/// windows-1252 text decoded as Latin-1 leaves its punctuation in U+0080...U+009F, where no
/// text ever means a control. Runs after the mojibake repair, which reads these characters
/// as UTF-8 bytes, and before the control repair, which would remove them. The five bytes
/// windows-1252 leaves undefined stay controls, for that repair to remove.
struct C1ControlRepair: LineRepair {
  /// windows-1252's characters for bytes 0x80...0x9F; nil where it defines none.
  private static let windows1252: [Unicode.Scalar?] = [
    "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
    nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
  ]

  static func character(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
    guard (0x80...0x9F).contains(scalar.value) else { return nil }
    return windows1252[Int(scalar.value - 0x80)]
  }

  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    var count = 0
    for index in scalars.indices {
      guard let character = Self.character(for: scalars[index]) else { continue }
      scalars[index] = character
      count += 1
    }
    report.count(.mojibake, count)
    return count > 0
  }
}
