/// Removes control characters that carry nothing in text: C0 controls other than the white
/// space ones (tab, vertical tab, form feed, which the whitespace repair turns into spaces),
/// DEL, C1 controls other than NEL (a line ending), and noncharacters such as U+FFFE.
struct ControlCharacterRepair: LineRepair {
  static func isRemovable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x08, 0x0E...0x1F, 0x7F...0x84, 0x86...0x9F, 0xFDD0...0xFDEF: true
    case 0xFFFE...0x10FFFF: scalar.value & 0xFFFE == 0xFFFE
    default: false
    }
  }

  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    let before = scalars.count
    scalars.removeAll(where: Self.isRemovable)
    report.count(.control, before - scalars.count)
    return scalars.count != before
  }
}
