/// Whether the accented Latin letters of a decoding belong to one language's alphabet:
/// Lithuanian read as Latin-1 gives `ë à þ ð è æ ø`, letters no single language uses
/// together, while its right decoding gives `ė ą ž š į ų`, all Lithuanian.
enum LatinAlphabetFit {
  /// The letters beyond ASCII of the languages written in the Latin single-byte charsets.
  static let alphabets: [Set<Unicode.Scalar>] = [
    "àâæçéèêëîïôœùûüÿ", "äöüß", "áéíñóúü", "áâãàçéêíóôõú", "àèéìíîòóù", "éèëïóöü", "åäöé",
    "æøåéòôó", "áðéíóúýþæö", "âêîôûŵŷáéíóúàèìòùäëïöüÿ", "àçèéíïòóúü", "ăâîșțşţ", "ąćęłńóśźż",
    "áčďéěíňóřšťúůýžäĺľôŕ",
    "áéíóöőúüű", "čćđšž", "çğıöşüâî", "ąčęėįšųūž", "āčēģīķļņšūž", "äõöüšž",
  ].map { Set($0.unicodeScalars) }

  /// Occurrences of accented Latin letters outside the alphabet that covers most of them.
  static func misfits(_ counts: [Unicode.Scalar: Int]) -> Int {
    misfits(counts, alphabets: alphabets)
  }

  /// Occurrences of the counted letters outside the one of `alphabets` that covers most.
  static func misfits(_ counts: [Unicode.Scalar: Int], alphabets: [Set<Unicode.Scalar>]) -> Int {
    guard !counts.isEmpty else { return 0 }
    let total = counts.values.reduce(0, +)
    var fewest = total
    for alphabet in alphabets {
      var outside = 0
      for (letter, count) in counts where !alphabet.contains(letter) { outside += count }
      fewest = min(fewest, outside)
    }
    return fewest
  }

  /// The lower-case form of an accented Latin letter (U+00C0...U+024F), or nil.
  static func accentedLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    guard accentedRange.contains(scalar.value), scalar.value != 0xD7, scalar.value != 0xF7
    else { return nil }
    return lowercased[Int(scalar.value - accentedRange.lowerBound)]
  }

  private static let accentedRange: ClosedRange<UInt32> = 0xC0...0x24F
  /// Made once: the standard library's case mapping builds a string each time.
  private static let lowercased: [Unicode.Scalar] = accentedRange.map {
    let scalar = Unicode.Scalar($0)!
    return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
  }
}
