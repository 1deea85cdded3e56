/// The writing systems of the model's languages, by code-point range, so a caller can limit the
/// candidates to the languages of the text's script. Names are ICU's long script names
/// (`uscript_getName`), e.g. "Latin", "Han". Mirrored in `scripts/score_langid_model.py`.
public enum ModelScriptTable {
  /// ISO 639-1 codes of the languages written in each script.
  static let languagesByScript: [String: [String]] = [
    "Latin": [
      "af", "az", "bs", "ca", "cs", "cy", "da", "de", "en", "eo", "es", "et", "eu", "fi", "fr",
      "ga", "hr", "hu", "id", "is", "it", "la", "lg", "lt", "lv", "mi", "ms", "nb", "nl", "nn",
      "pl", "pt", "ro", "sk", "sl", "sn", "so", "sq", "st", "sv", "sw", "tl", "tn", "tr", "ts",
      "vi", "xh", "yo", "zu",
    ],
    "Cyrillic": ["be", "bg", "kk", "mk", "mn", "ru", "sr", "uk"],
    "Arabic": ["ar", "fa", "ur"],
    "Devanagari": ["hi", "mr"],
    "Han": ["ja", "zh"],
    "Hiragana": ["ja"],
    "Katakana": ["ja"],
    "Hangul": ["ko"],
    "Greek": ["el"],
    "Hebrew": ["he"],
    "Armenian": ["hy"],
    "Georgian": ["ka"],
    "Bengali": ["bn"],
    "Gurmukhi": ["pa"],
    "Gujarati": ["gu"],
    "Tamil": ["ta"],
    "Telugu": ["te"],
    "Thai": ["th"],
  ]

  /// The languages written in `script` (an ICU long name); empty for a script none of the
  /// model's languages uses.
  public static func candidates(forScript script: String) -> [String] {
    languagesByScript[script] ?? []
  }

  /// Scripts whose letters the model (like Lingua) treats as one-letter words.
  static func isOneLetterWordScript(_ script: ModelScriptRange.Script) -> Bool {
    switch script {
    case .han, .hiragana, .katakana, .hangul: true
    default: false
    }
  }

  /// The script of a scalar among those of the model's languages, or nil.
  static func script(of scalar: Unicode.Scalar) -> ModelScriptRange.Script? {
    let value = scalar.value
    let ranges = ModelScriptRange.all
    var low = 0
    var high = ranges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = ranges[middle]
      if value < range.first {
        high = middle - 1
      } else if value > range.last {
        low = middle + 1
      } else {
        return range.script
      }
    }
    return nil
  }

  /// The script with the most letters in `text`, among those of the model's languages.
  public static func dominantScript(of text: Substring) -> String? {
    var counts = [Int](repeating: 0, count: ModelScriptRange.Script.allCases.count + 1)
    var latin = 0
    LetterTable.shared.scripts.withUnsafeBufferPointer { scripts in
      UTF8Scalars.forEach(in: text) { value in
        if value < 0x80 {
          if (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A { latin += 1 }
        } else if value < 0x10000 {
          counts[Int(scripts[Int(value)])] += 1
        } else if let scalar = Unicode.Scalar(value), LetterScanner.isLetter(scalar),
          let script = script(of: scalar)
        {
          counts[script.rawValue + 1] += 1
        }
        return true
      }
    }
    counts[ModelScriptRange.Script.latin.rawValue + 1] += latin
    guard let best = counts.indices.dropFirst().max(by: { counts[$0] < counts[$1] }),
      counts[best] > 0
    else { return nil }
    return ModelScriptRange.Script.allCases[best - 1].name
  }
}
