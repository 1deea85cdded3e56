import Testing

@testable import Winnow

/// The script table and every named set built from it, against ICU asked code point by code
/// point (`uscript_getScript`, `uscript_getScriptExtensions`) over the whole code space.
struct ScriptSetsTests {
  /// A named set and the scripts it is defined by.
  private struct NamedSet {
    let name: String
    let scripts: Set<Int32>
    /// Only letters and marks of those scripts (Thai digits and signs end sentences).
    let lettersAndMarksOnly: Bool
    let contains: (Unicode.Scalar) -> Bool
  }

  private static func codes(_ isos: [String]) -> Set<Int32> {
    Set(isos.map { Int32(UnicodeScripts.shared.code(ofISO: $0)!) })
  }

  private static func isLetterOrMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .nonspacingMark, .spacingMark, .enclosingMark:
      true
    default: false
    }
  }

  /// A set "written in scripts S" holds the code points whose script is in S, and the
  /// Common and Inherited ones whose Script_Extensions all lie in S: each code point's
  /// scripts are asked of ICU directly (`uscript_getScript`, `uscript_getScriptExtensions`)
  /// and compared with the table and every set, over the whole code space.
  @Test func everyCodePointAgreesWithICU() {
    let table = UnicodeScripts.shared
    let shared = Self.codes(["Zyyy", "Zinh"])
    let sets = [
      NamedSet(
        name: "ideographic", scripts: Self.codes(["Hani", "Hira", "Kana"]),
        lettersAndMarksOnly: false, contains: { $0.isIdeographicWord }),
      NamedSet(
        name: "kana", scripts: Self.codes(["Hira", "Kana"]), lettersAndMarksOnly: false,
        contains: { ScriptSets.kana.contains($0) }),
      NamedSet(
        name: "no stops", scripts: Self.codes(["Thai", "Laoo"]), lettersAndMarksOnly: true,
        contains: { $0.isOfScriptWithoutSentenceStops }),
      NamedSet(
        name: "mongolian", scripts: Self.codes(["Mong"]), lettersAndMarksOnly: false,
        contains: { $0.isMongolian }),
    ]
    var buffer = [Int32](repeating: 0, count: 32)
    var mismatches: [String] = []
    for value in UInt32(0)...0x10_FFFF {
      if mismatches.count > 20 { break }
      guard let scalar = Unicode.Scalar(value) else { continue }
      let script = ICUScript.scriptAndLowercase(of: scalar).script
      if table.script(of: scalar) != script { mismatches.append("script U+\(hex(value))") }
      let writtenIn =
        shared.contains(Int32(script))
        ? Array(ICUScript.extensions(of: scalar, into: &buffer)) : [Int32(script)]
      for set in sets {
        let want =
          writtenIn.allSatisfy(set.scripts.contains)
          && (!set.lettersAndMarksOnly || Self.isLetterOrMark(scalar))
        if set.contains(scalar) != want { mismatches.append("\(set.name) U+\(hex(value))") }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches)")
  }

  private func hex(_ value: UInt32) -> String { String(value, radix: 16, uppercase: true) }

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
