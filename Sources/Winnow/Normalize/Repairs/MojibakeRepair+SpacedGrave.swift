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

extension MojibakeRepair {
  /// The same loss for other two-byte letters whose second byte is 0xA0 (`Š`, `Р`, and `à`
  /// read through windows-1251 as `Г`), in a line that held other mojibake: a lead that
  /// starts a word, then a space and a lowercase letter. `à` keeps its space (a word of its
  /// own); the others join the word the space cut (`Å veices` is `Šveices`, `Ð уский` is
  /// `Руский`), when their lead is a Latin letter and they are of that word's script.
  static func restoreSpacedNoBreak(
    _ scalars: inout [Unicode.Scalar], report: inout CleaningReport
  ) -> Bool {
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count)
    var restored = 0
    var index = 0
    while index < scalars.count {
      let startsWord = index == 0 || !scalars[index - 1].properties.isAlphabetic
      if startsWord, index + 2 < scalars.count, scalars[index + 1] == " ",
        scalars[index + 2].properties.isLowercase, scalars[index] != "Ã",
        let letter = noBreakLetter(standingFor: scalars[index]),
        joins(letter, lead: scalars[index], next: scalars[index + 2])
      {
        output.append(letter)
        if letter == "à" { output.append(" ") }
        index += 2
        restored += 1
        continue
      }
      output.append(scalars[index])
      index += 1
    }
    guard restored > 0 else { return false }
    scalars = output
    report.count(.mojibake, restored)
    return true
  }

  /// `à` from any page; another letter only from a Latin lead (Cyrillic `С этим` is a
  /// word, not `Ѡэтим`) and only in the script of the word it joins.
  private static func joins(_ letter: Unicode.Scalar, lead: Unicode.Scalar, next: Unicode.Scalar)
    -> Bool
  {
    if letter == "à" { return true }
    let table = ScriptTable.shared
    return table.classify(lead).script == table.latin
      && table.classify(letter).script == table.classify(next).script
  }

  /// The cased letter a two-byte UTF-8 sequence ending in 0xA0 makes (not a modifier letter
  /// such as `ˠ`), when `lead` stands for its first byte in one of the code pages.
  private static func noBreakLetter(standingFor lead: Unicode.Scalar) -> Unicode.Scalar? {
    for page in codePages {
      guard let byte = page.byte(lead), page.leads.contains(byte), (0xC2...0xDF).contains(byte),
        let letter = Unicode.Scalar(UInt32(byte & 0x1F) << 6 | 0x20),
        [.uppercaseLetter, .lowercaseLetter].contains(letter.properties.generalCategory)
      else { continue }
      return letter
    }
    return nil
  }
}
