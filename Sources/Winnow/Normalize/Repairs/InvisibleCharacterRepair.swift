/// Removes invisible characters that only get in the way of search and tokenizing: soft
/// hyphens, zero-width spaces, word joiners, BOMs inside text, invisible math operators and
/// deprecated format controls. Keeps those that carry meaning: ZWJ and ZWNJ between letters
/// of scripts that use them (Indic, Arabic and Persian, ...) or after a virama, or inside
/// emoji sequences,
/// variation selectors, LRM/RLM/ALM, and bidi embeddings and isolates in lines with
/// right-to-left letters.
struct InvisibleCharacterRepair: LineRepair {
  static let zeroWidthNonJoiner: Unicode.Scalar = "\u{200C}"
  static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"

  static let invisibles: [ClosedRange<UInt32>] = [
    0x00AD...0x00AD, 0x200B...0x200B, 0x2060...0x2064, 0x206A...0x206F, 0xFEFF...0xFEFF,
  ]
  static let bidiControls: [ClosedRange<UInt32>] = [0x202A...0x202E, 0x2066...0x2069]
  private static let invisibleSet = CodePointSet(ranges: invisibles)
  private static let bidiControlSet = CodePointSet(ranges: bidiControls)

  /// Always removed.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool { invisibleSet.contains(scalar) }

  /// Bidi embeddings, overrides and isolates: removed where no right-to-left text needs them.
  static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    bidiControlSet.contains(scalar)
  }

  /// Every scalar it may remove: the invisibles, bidi controls and the join controls.
  var trigger: RepairTrigger {
    RepairTrigger(characters: Self.invisibles + Self.bidiControls + [0x200C...0x200D])
  }

  static func isJoinControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar == zeroWidthJoiner || scalar == zeroWidthNonJoiner
  }

  /// Format characters a join control is judged across (`می\u{200C}\u{AD}شود` keeps its
  /// ZWNJ): they neither join nor break a join, and most of them are removed anyway.
  private static func isTransparent(_ scalar: Unicode.Scalar) -> Bool {
    isInvisible(scalar) || isBidiControl(scalar)
      || ["\u{200E}", "\u{200F}", "\u{061C}"].contains(scalar)
  }

  /// True for every scalar this repair may remove.
  static func mayRemove(_ scalar: Unicode.Scalar) -> Bool {
    isInvisible(scalar) || isBidiControl(scalar) || isJoinControl(scalar)
  }

  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    guard scalars.contains(where: Self.mayRemove) else { return false }
    let keepsBidi = scalars.contains(where: ScalarClass.isRightToLeft)
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count)
    for (index, scalar) in scalars.enumerated() {
      let removed: Bool
      if Self.isInvisible(scalar) {
        removed = true
      } else if Self.isBidiControl(scalar) {
        removed = !keepsBidi
      } else if Self.isJoinControl(scalar) {
        let previous = output.last { !Self.isTransparent($0) }
        let next = scalars[(index + 1)...].first { !Self.isTransparent($0) }
        removed = !Self.joins(after: previous, before: next)
      } else {
        removed = false
      }
      if !removed { output.append(scalar) }
    }
    let removedCount = scalars.count - output.count
    guard removedCount > 0 else { return false }
    report.count(.invisible, removedCount)
    scalars = output
    return true
  }

  /// A join control matters between two letters (or marks) of a joining script, after a
  /// virama (a ZWNJ at the end of a Telugu or Bengali word asks for the visible virama), or
  /// between two parts of an emoji sequence.
  private static func joins(after previous: Unicode.Scalar?, before next: Unicode.Scalar?) -> Bool {
    guard let previous else { return false }
    if ScalarClass.usesJoinControls(previous)
      && previous.properties.canonicalCombiningClass == .virama
    {
      return true
    }
    guard let next else { return false }
    if ScalarClass.usesJoinControls(previous) && ScalarClass.usesJoinControls(next) {
      return true
    }
    return ScalarClass.isEmojiPart(previous) && ScalarClass.isEmojiPart(next)
  }
}
