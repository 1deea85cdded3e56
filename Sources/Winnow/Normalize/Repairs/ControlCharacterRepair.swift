/// Removes control characters that carry nothing in text: C0 controls other than the white
/// space ones (tab, vertical tab, form feed, which the whitespace repair turns into spaces),
/// DEL, C1 controls other than NEL (a line ending), and noncharacters such as U+FFFE.
struct ControlCharacterRepair: LineRepair {
  /// The controls, and the noncharacters: U+FDD0...U+FDEF and the last two of each plane.
  static let removable: [ClosedRange<UInt32>] =
    [0x00...0x08, 0x0E...0x1F, 0x7F...0x84, 0x86...0x9F, 0xFDD0...0xFDEF]
    + (UInt32(0)...0x10).map { plane in plane << 16 | 0xFFFE...plane << 16 | 0xFFFF }
  private static let removableSet = CodePointSet(ranges: removable)

  static func isRemovable(_ scalar: Unicode.Scalar) -> Bool { removableSet.contains(scalar) }

  var trigger: RepairTrigger { RepairTrigger(characters: Self.removable) }

  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    let before = scalars.count
    scalars.removeAll(where: Self.isRemovable)
    report.count(.control, before - scalars.count)
    return scalars.count != before
  }
}
