import Testing

@testable import Winnow

@Suite struct ScriptTableTests {
  /// What `classify` would answer by asking ICU directly.
  static func fromICU(_ scalar: Unicode.Scalar, _ table: ScriptTable) -> (Int, UInt32) {
    let value = scalar.value
    if value < 0x80 {
      let folded = value | 0x20
      return folded >= 0x61 && folded <= 0x7A ? (table.latin, folded) : (ScriptTable.neutral, value)
    }
    let (script, lowercase) = ICUScript.scriptAndLowercase(of: scalar)
    let iso = table.isoCodes[script]
    let kind =
      iso == "Zyyy" || iso == "Zzzz"
      ? ScriptTable.neutral : iso == "Zinh" ? ScriptTable.mark : script
    return (kind, lowercase)
  }

  @Test func theTabledPlaneAnswersLikeICU() {
    let table = ScriptTable.shared
    var generator = SeededGenerator(seed: 15)
    let sample =
      (0..<4000).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &generator))
      }
      + ["A", "é", "Ж", "ж", "世", "あ", "한", "\u{301}", "1", " ", "İ", "Ω", "\u{10400}"]
    for scalar in sample {
      let (script, lowercase) = table.classify(scalar)
      let expected = Self.fromICU(scalar, table)
      #expect(
        script == expected.0 && lowercase == expected.1, "U+\(String(scalar.value, radix: 16))")
    }
  }
}
