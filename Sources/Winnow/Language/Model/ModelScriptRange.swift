/// A block of code points that belong to one script (letters and a few marks; only letters are
/// ever looked up). Sorted, non-overlapping; mirrored in `scripts/score_langid_model.py`.
struct ModelScriptRange: Sendable {
  enum Script: Int, CaseIterable, Sendable {
    case latin, greek, cyrillic, armenian, hebrew, arabic, devanagari, bengali, gurmukhi
    case gujarati, tamil, telugu, thai, georgian, hangul, han, hiragana, katakana

    /// ICU's long name of the script.
    var name: String {
      switch self {
      case .latin: "Latin"
      case .greek: "Greek"
      case .cyrillic: "Cyrillic"
      case .armenian: "Armenian"
      case .hebrew: "Hebrew"
      case .arabic: "Arabic"
      case .devanagari: "Devanagari"
      case .bengali: "Bengali"
      case .gurmukhi: "Gurmukhi"
      case .gujarati: "Gujarati"
      case .tamil: "Tamil"
      case .telugu: "Telugu"
      case .thai: "Thai"
      case .georgian: "Georgian"
      case .hangul: "Hangul"
      case .han: "Han"
      case .hiragana: "Hiragana"
      case .katakana: "Katakana"
      }
    }

    /// The script's ISO 15924 code.
    var iso: String {
      switch self {
      case .latin: "Latn"
      case .greek: "Grek"
      case .cyrillic: "Cyrl"
      case .armenian: "Armn"
      case .hebrew: "Hebr"
      case .arabic: "Arab"
      case .devanagari: "Deva"
      case .bengali: "Beng"
      case .gurmukhi: "Guru"
      case .gujarati: "Gujr"
      case .tamil: "Taml"
      case .telugu: "Telu"
      case .thai: "Thai"
      case .georgian: "Geor"
      case .hangul: "Hang"
      case .han: "Hani"
      case .hiragana: "Hira"
      case .katakana: "Kana"
      }
    }
  }

  var first: UInt32
  var last: UInt32
  var script: Script

  init(_ first: UInt32, _ last: UInt32, _ script: Script) {
    self.first = first
    self.last = last
    self.script = script
  }

  static let all: [ModelScriptRange] = [
    .init(0x41, 0x5A, .latin), .init(0x61, 0x7A, .latin), .init(0xAA, 0xAA, .latin),
    .init(0xBA, 0xBA, .latin), .init(0xC0, 0xD6, .latin), .init(0xD8, 0xF6, .latin),
    .init(0xF8, 0x2AF, .latin), .init(0x370, 0x3FF, .greek), .init(0x400, 0x52F, .cyrillic),
    .init(0x530, 0x58F, .armenian), .init(0x590, 0x5FF, .hebrew), .init(0x600, 0x6FF, .arabic),
    .init(0x750, 0x77F, .arabic), .init(0x8A0, 0x8FF, .arabic), .init(0x900, 0x97F, .devanagari),
    .init(0x980, 0x9FF, .bengali), .init(0xA00, 0xA7F, .gurmukhi), .init(0xA80, 0xAFF, .gujarati),
    .init(0xB80, 0xBFF, .tamil), .init(0xC00, 0xC7F, .telugu), .init(0xE00, 0xE7F, .thai),
    .init(0x10A0, 0x10FF, .georgian), .init(0x1100, 0x11FF, .hangul),
    .init(0x1C80, 0x1C8F, .cyrillic), .init(0x1C90, 0x1CBF, .georgian),
    .init(0x1E00, 0x1EFF, .latin), .init(0x1F00, 0x1FFF, .greek), .init(0x2C60, 0x2C7F, .latin),
    .init(0x2D00, 0x2D2F, .georgian), .init(0x2DE0, 0x2DFF, .cyrillic),
    .init(0x2E80, 0x2FDF, .han), .init(0x3005, 0x3007, .han), .init(0x3021, 0x3029, .han),
    .init(0x3040, 0x309F, .hiragana), .init(0x30A0, 0x30FF, .katakana),
    .init(0x3130, 0x318F, .hangul), .init(0x31F0, 0x31FF, .katakana), .init(0x3400, 0x4DBF, .han),
    .init(0x4E00, 0x9FFF, .han), .init(0xA640, 0xA69F, .cyrillic), .init(0xA720, 0xA7FF, .latin),
    .init(0xA960, 0xA97F, .hangul), .init(0xAC00, 0xD7FF, .hangul), .init(0xF900, 0xFAFF, .han),
    .init(0xFB1D, 0xFB4F, .hebrew), .init(0xFB50, 0xFDFF, .arabic), .init(0xFE70, 0xFEFF, .arabic),
    .init(0xFF21, 0xFF3A, .latin), .init(0xFF41, 0xFF5A, .latin), .init(0xFF66, 0xFF9F, .katakana),
    .init(0xFFA0, 0xFFDC, .hangul), .init(0x20000, 0x3FFFF, .han),
  ]
}
