/// Puts lines into Unicode NFC through ICU, so that `é` typed as `e` + U+0301 and `é`
/// precomposed compare and tokenize alike.
/// Not a `LineRepair`: the triage finds its lines by the NFC-stable set, not by a trigger.
struct CanonicalCompositionRepair: Sendable {
  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    let stable = NFCStableSet.shared
    guard !scalars.allSatisfy(stable.contains) else { return false }
    var units: [UInt16] = []
    units.reserveCapacity(scalars.count + scalars.count / 4)
    for scalar in scalars { UTF16.encode(scalar) { units.append($0) } }
    guard let composed = ICUNormalizer.normalizedIfChanged(units) else { return false }
    scalars = Array(String(decoding: composed, as: UTF16.self).unicodeScalars)
    report.count(.normalization)
    return true
  }

  /// The NFC form of `text`, or nil when it is already NFC; for lines no other repair
  /// touches.
  func composed(_ text: String, report: inout CleaningReport) -> String? {
    guard let composed = ICUNormalizer.normalizedIfChanged(Array(text.utf16)) else { return nil }
    report.count(.normalization)
    return String(decoding: composed, as: UTF16.self)
  }
}
