/// Whether the letters of a decoding that only some Cyrillic alphabets have belong to one of
/// them: Russian in windows-1251 read as x-mac-cyrillic turns its capitals into Serbian and
/// Macedonian letters (`ћосква`, `ѕетербург`) beside Russian `ы` and `э`, which no language
/// writes together.
enum CyrillicAlphabetFit {
  /// The letters beyond those all Cyrillic languages of the legacy code pages share: Russian,
  /// Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian.
  static let alphabets: [Set<Unicode.Scalar>] = [
    "ёъыэ", "ґєії", "ёіўыэ", "ђјљњћџ", "ѓѕјљњќџ", "ъ",
  ].map { Set($0.unicodeScalars) }

  private static let distinctive: Set<Unicode.Scalar> = alphabets.reduce([]) { $0.union($1) }

  /// The lower-case form of a Cyrillic letter only some alphabets have, or nil.
  static func distinctiveLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let value = scalar.value
    let lower: UInt32
    switch value {
    case 0x400...0x40F: lower = value + 0x50
    case 0x410...0x42F: lower = value + 0x20
    case 0x48A...0x4BF where value % 2 == 0: lower = value + 1
    case 0x430...0x4FF: lower = value
    default: return nil
    }
    // Every value here is a Cyrillic scalar.
    let letter = Unicode.Scalar(lower)!
    return distinctive.contains(letter) ? letter : nil
  }

  static func misfits(_ counts: [Unicode.Scalar: Int]) -> Int {
    LatinAlphabetFit.misfits(counts, alphabets: alphabets)
  }
}
