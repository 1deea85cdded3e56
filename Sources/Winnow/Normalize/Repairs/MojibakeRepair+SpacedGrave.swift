extension MojibakeRepair {
  /// `à` read as windows-1252 is `Ã` and a no-break space; once a scraper has made that
  /// space a plain one, no sequence is left to match (`voilÃ le travail`, `jusqu'Ã nos
  /// jours`). `Ã` before a space is taken for `à` after a lowercase letter, where correct
  /// text never has it (Portuguese writes `Ã` only among capitals), and, in a line that held
  /// other mojibake, also after a space, an apostrophe or at the start. The space stays:
  /// `à` is a word of its own.
  static func restoreSpacedGrave(
    _ scalars: inout [Unicode.Scalar], lineHadMojibake: Bool, report: inout CleaningReport
  ) -> Bool {
    var restored = 0
    for index in scalars.indices.dropLast() where scalars[index] == "Ã" && scalars[index + 1] == " "
    {
      let previous = index > 0 ? scalars[index - 1] : " "
      let afterLowercase = previous.properties.isLowercase
      let startsWord = previous == " " || previous == "'" || previous == "\u{2019}"
      guard afterLowercase || (lineHadMojibake && startsWord) else { continue }
      scalars[index] = "à"
      restored += 1
    }
    report.count(.mojibake, restored)
    return restored > 0
  }
}
