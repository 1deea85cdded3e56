import Testing

@testable import Winnow

/// The script table and every named set built from it, against ICU asked code point by code
/// point (`uscript_getScript`, `uscript_getScriptExtensions`) over the whole code space.
struct ScriptSetsTests {
  /// What a set "written in `scripts`" holds by its definition, asked of ICU directly.
  private static func isWrittenIn(
    _ scalar: Unicode.Scalar, _ codes: Set<Int32>, buffer: inout [Int32]
  ) -> Bool {
    let script = Int32(ICUScript.scriptAndLowercase(of: scalar).script)
    if codes.contains(script) { return true }
    let shared = ["Zyyy", "Zinh"].map { Int32(UnicodeScripts.shared.code(ofISO: $0)!) }
    return shared.contains(script)
      && ICUScript.extensions(of: scalar, into: &buffer).allSatisfy(codes.contains)
  }

  private static func codes(_ isos: [String]) -> Set<Int32> {
    Set(isos.map { Int32(UnicodeScripts.shared.code(ofISO: $0)!) })
  }

  @Test func everyCodePointAgreesWithICU() {
    let table = UnicodeScripts.shared
    let ideographic = Self.codes(["Hani", "Hira", "Kana"])
    let kana = Self.codes(["Hira", "Kana"])
    let thaiLao = Self.codes(["Thai", "Laoo"])
    let mongolian = Self.codes(["Mong"])
    var buffer = [Int32](repeating: 0, count: 32)
    var mismatches: [String] = []
    for value in UInt32(0)...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let script = ICUScript.scriptAndLowercase(of: scalar).script
      let category = scalar.properties.generalCategory
      let isLetterOrMark =
        [
          .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
          .nonspacingMark, .spacingMark, .enclosingMark,
        ] as Set<Unicode.GeneralCategory>
      let checks: [(String, Bool, Bool)] = [
        ("script", table.script(of: scalar) == script, true),
        (
          "ideographic", scalar.isIdeographicWord,
          Self.isWrittenIn(scalar, ideographic, buffer: &buffer)
        ),
        ("kana", ScriptSets.kana.contains(scalar), Self.isWrittenIn(scalar, kana, buffer: &buffer)),
        (
          "no stops", scalar.isOfScriptWithoutSentenceStops,
          isLetterOrMark.contains(category) && Self.isWrittenIn(scalar, thaiLao, buffer: &buffer)
        ),
        ("mongolian", scalar.isMongolian, Self.isWrittenIn(scalar, mongolian, buffer: &buffer)),
      ]
      for (name, got, want) in checks where got != want {
        mismatches.append("\(name) U+\(String(value, radix: 16, uppercase: true))")
      }
      if mismatches.count > 20 { break }
    }
    #expect(mismatches.isEmpty, "\(mismatches)")
  }

  /// What the sets mean, on the characters that decided their definitions.
  @Test func theSetsHoldWhatTheirNamesSay() {
    #expect("ー".unicodeScalars.allSatisfy({ $0.isIdeographicWord }))  // kana only
    #expect("々".unicodeScalars.allSatisfy({ $0.isIdeographicWord }))  // Han
    #expect("\u{323AF}".unicodeScalars.allSatisfy({ $0.isIdeographicWord }))  // CJK extension H
    #expect(!"・、。Ａ한".unicodeScalars.contains(where: { $0.isIdeographicWord }))
    #expect("あアｱー".unicodeScalars.allSatisfy { ScriptSets.kana.contains($0) })
    #expect(!"漢・".unicodeScalars.contains { ScriptSets.kana.contains($0) })
    #expect("กๆฯ\u{0E31}ສ\u{0EDC}".unicodeScalars.allSatisfy({ $0.isOfScriptWithoutSentenceStops }))
    #expect(!"๑฿๚.".unicodeScalars.contains(where: { $0.isOfScriptWithoutSentenceStops }))
    #expect("ᠮ\u{180E}".unicodeScalars.allSatisfy({ $0.isMongolian }))
    #expect(!"\u{202F}᠂".unicodeScalars.contains(where: { $0.isMongolian }))
  }
}
