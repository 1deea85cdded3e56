import Testing

@testable import Winnow

@Suite struct ICUScriptTests {
  @Test(arguments: [
    ("a", "Latn"), ("ж", "Cyrl"), ("中", "Hani"), ("か", "Hira"), ("カ", "Kana"), ("한", "Hang"),
    ("ب", "Arab"), ("क", "Deva"), ("1", "Zyyy"), ("\u{301}", "Zinh"),
  ])
  func namesTheScriptOfACodePoint(_ character: String, _ iso: String) {
    let scalar = character.unicodeScalars.first!
    #expect(ICUScript.isoCode(of: ICUScript.scriptAndLowercase(of: scalar).script) == iso)
  }

  @Test func lowercasesWithTheSimpleMapping() {
    #expect(ICUScript.scriptAndLowercase(of: "Ä").lowercase == 0xE4)
    #expect(ICUScript.scriptAndLowercase(of: "Ж").lowercase == 0x436)
  }
}
