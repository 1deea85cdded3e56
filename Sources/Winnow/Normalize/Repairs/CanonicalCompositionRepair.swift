/// Puts lines into Unicode NFC through ICU, so that `é` typed as `e` + U+0301 and `é`
/// precomposed compare and tokenize alike.
/// Not a `LineRepair`: the triage finds its lines by NFC's quick check, not by a trigger.
struct CanonicalCompositionRepair: Sendable {
  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    guard !NFCQuickCheck.shared.isNormalized(scalars) else { return false }
    var units: [UInt16] = []
    units.reserveCapacity(scalars.count + scalars.count / 4)
    for scalar in scalars { UTF16.encode(scalar) { units.append($0) } }
    guard let composed = ICUNormalizer.normalizedIfChanged(units) else { return false }
    scalars = ICUNormalizer.scalars(ofUTF16: composed)
    report.count(.normalization)
    return true
  }

  /// The NFC form of `text`, or nil when it is already NFC; for lines no other repair
  /// touches. The UTF-16 is made from the string's bytes in one pass (its `utf16` view
  /// counts them first).
  func composed(_ text: String, report: inout CleaningReport) -> String? {
    var units: [UInt16] = []
    units.reserveCapacity(text.utf8.count)
    UTF8Scalars.forEach(in: text) {
      UTF16.encode(Unicode.Scalar($0).unsafelyUnwrapped) { units.append($0) }
      return true
    }
    guard let composed = ICUNormalizer.normalizedIfChanged(units) else { return nil }
    report.count(.normalization)
    return NormalizeStage.string(from: ICUNormalizer.scalars(ofUTF16: composed))
  }
}
