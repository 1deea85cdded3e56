/// What the language stage and the mojibake proofs need to know about each ICU script code,
/// worked out once: its ISO 15924 name (`UnicodeScripts`' codes) and whether its characters
/// are letters, marks or neutral, with each character's lowercase for the letter models.
struct ScriptTable: Sendable {
  /// `classify` returns this for digits, punctuation, spaces, symbols and unassigned code
  /// points (scripts Zyyy and Zzzz): they belong to no language.
  static let neutral = -1
  /// `classify` returns this for combining marks (script Zinh): they continue a word.
  static let mark = -2

  static let shared = ScriptTable()

  /// ISO 15924 code per ICU script code.
  let isoCodes: [String]
  let latin: Int
  let han: Int
  let hiragana: Int
  let katakana: Int
  let hangul: Int
  /// Per ICU script code: the code itself, `neutral` or `mark`.
  private let kinds: [Int]
  /// `classify` of each Basic Multilingual Plane scalar, worked out once (a few milliseconds)
  /// so that text in other alphabets than Latin does not call ICU per character: the kind as
  /// an Int16 bit pattern in the high half, the lowercase in the low half; `notTabled` for the
  /// few whose lowercase lies outside the plane.
  private let bmp: [UInt32]
  private static let notTabled = UInt32.max

  private init() {
    let isoCodes = UnicodeScripts.shared.isoCodes
    func code(_ iso: String) -> Int { isoCodes.firstIndex(of: iso) ?? ScriptTable.neutral }
    self.isoCodes = isoCodes
    latin = code("Latn")
    han = code("Hani")
    hiragana = code("Hira")
    katakana = code("Kana")
    hangul = code("Hang")
    let kinds = isoCodes.indices.map { script in
      switch isoCodes[script] {
      case "Zyyy", "Zzzz": ScriptTable.neutral
      case "Zinh": ScriptTable.mark
      default: script
      }
    }
    self.kinds = kinds
    bmp = (0..<UInt32(0x10000)).map { value in
      // Surrogate code points are no scalars; strings never hold them.
      guard let scalar = Unicode.Scalar(value) else { return Self.notTabled }
      let (script, lowercase) = ICUScript.scriptAndLowercase(of: scalar)
      guard lowercase < 0x10000 else { return Self.notTabled }
      let kind = script < kinds.count ? kinds[script] : ScriptTable.neutral
      return UInt32(UInt16(bitPattern: Int16(kind))) << 16 | lowercase
    }
  }

  /// The script code of `scalar` (or `neutral`, `mark`) and its simple lowercase mapping.
  /// ASCII, most of any Latin text, never leaves Swift.
  @inline(__always)
  func classify(_ scalar: Unicode.Scalar) -> (script: Int, lowercase: UInt32) {
    let value = scalar.value
    if value < 0x80 {
      let folded = value | 0x20
      if folded >= 0x61 && folded <= 0x7A { return (latin, folded) }
      return (ScriptTable.neutral, value)
    }
    if value < 0x10000 {
      let packed = bmp[Int(value)]
      if packed != Self.notTabled {
        return (Int(Int16(bitPattern: UInt16(packed >> 16))), packed & 0xFFFF)
      }
    }
    let (script, lowercase) = ICUScript.scriptAndLowercase(of: scalar)
    return (script < kinds.count ? kinds[script] : ScriptTable.neutral, lowercase)
  }

  /// The script whose letters a run is made of: Han, kana and Hangul form one run, as
  /// Japanese mixes Han and kana in every sentence and Korean writes some words in Han.
  @inline(__always)
  func runScript(_ script: Int) -> Int {
    script == hiragana || script == katakana || script == hangul ? han : script
  }

  /// A Han, kana or Hangul character says about as much as three letters of an alphabet.
  @inline(__always)
  func letterWeight(ofRunScript script: Int) -> Int {
    script == han ? 3 : 1
  }

  /// The ICU script code of an ISO 15924 code, if ICU knows it.
  func code(ofISO iso: String) -> Int? { isoCodes.firstIndex(of: iso) }
}
