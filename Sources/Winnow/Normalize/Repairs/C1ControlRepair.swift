/// Turns C1 control characters back into the windows-1252 characters they stand for
/// (`l\u{92}Ecole` for `l’Ecole`, `\u{84}Handwerk\u{93}` for `„Handwerk“`, U+0085 for `…`):
/// windows-1252 text decoded as Latin-1 leaves its punctuation in U+0080...U+009F, where no
/// text ever means a control. Runs after the mojibake repair, which reads these characters
/// as UTF-8 bytes, and before the control repair, which would remove them. The five bytes
/// windows-1252 leaves undefined stay controls, for that repair to remove.
struct C1ControlRepair: LineRepair {
  var trigger: RepairTrigger { RepairTrigger(characters: [0x80...0x9F]) }

  static func character(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
    guard (0x80...0x9F).contains(scalar.value) else { return nil }
    let character = MisreadCodePage.western.character(UInt8(scalar.value))
    return character == scalar ? nil : character
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
