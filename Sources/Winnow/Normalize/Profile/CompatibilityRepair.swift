/// NFKC for `normalize.form: nfkc`, applied run by run so that the characters NFKC would
/// flatten but that carry meaning stay intact: CJK and full-width punctuation (`，。「」`,
/// which NFKC turns into ASCII or drops the width of), emoji (`™` and `ℹ` are emoji) and the
/// config's `nfkc_keep`. Kept runs still get NFC. Counted under `normalization`.
struct CompatibilityRepair: LineRepair {
  let extraKept: Set<Unicode.Scalar>

  init(keeping extra: String) {
    extraKept = Set(extra.unicodeScalars)
  }

  /// CJK symbols and punctuation, vertical and CJK compatibility forms, and the full-width
  /// and half-width punctuation of the Halfwidth and Fullwidth Forms block.
  static func isCJKPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3000...0x303F, 0xFE10...0xFE19, 0xFE30...0xFE4F, 0xFF01...0xFF0F, 0xFF1A...0xFF20,
      0xFF3B...0xFF40, 0xFF5B...0xFF65:
      true
    default: false
    }
  }

  func isKept(_ scalar: Unicode.Scalar) -> Bool {
    Self.isCJKPunctuation(scalar) || ScalarClass.isEmojiPart(scalar)
      || extraKept.contains(scalar)
  }

  /// Any character outside ASCII may have a compatibility form.
  var trigger: RepairTrigger { RepairTrigger(characters: [0x80...0x10FFFF]) }

  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    guard scalars.contains(where: { !$0.isASCII }) else { return false }
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count)
    var changed = false
    var start = 0
    while start < scalars.count {
      let kept = isKept(scalars[start])
      var end = start + 1
      // A combining mark stays in the run of its base: split from it, `↔` + U+0338 would
      // not compose into `↮`, nor would marks be put in canonical order across the split.
      while end < scalars.count
        && (isKept(scalars[end]) == kept
          || scalars[end].properties.canonicalCombiningClass.rawValue != 0)
      {
        end += 1
      }
      var units: [UInt16] = []
      for scalar in scalars[start..<end] { UTF16.encode(scalar) { units.append($0) } }
      if let normalized = ICUNormalizer.normalizedIfChanged(units, form: kept ? .nfc : .nfkc) {
        output.append(contentsOf: String(decoding: normalized, as: UTF16.self).unicodeScalars)
        changed = true
      } else {
        output.append(contentsOf: scalars[start..<end])
      }
      start = end
    }
    guard changed else { return false }
    scalars = output
    report.count(.normalization)
    return true
  }
}
