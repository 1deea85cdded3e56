extension MojibakeRepair {
  /// `à` read as windows-1252 is `Ã` and a no-break space; once a scraper has made that
  /// space a plain one, no sequence is left to match (`voilÃ le travail`, `jusqu'Ã nos
  /// jours`). `Ã` before a space is taken for `à` after a lowercase letter, where correct
  /// text never has it (Portuguese writes `Ã` only among capitals), and, in a line that held
  /// other mojibake, also after a space, an apostrophe or at the start. The space stays:
  /// `à` is a word of its own, except in Portuguese's contractions of it (`Ã s` is `às`,
  /// `Ã quele` is `àquele`), whose space was the lost byte.
  static func restoreSpacedGrave(
    _ scalars: inout [Unicode.Scalar], lineHadMojibake: Bool, report: inout CleaningReport
  ) -> Bool {
    var output: [Unicode.Scalar] = []
    var restored = 0
    var index = 0
    while index < scalars.count {
      defer { index += 1 }
      guard scalars[index] == "Ã", index + 1 < scalars.count, scalars[index + 1] == " " else {
        output.append(scalars[index])
        continue
      }
      let previous = index > 0 ? scalars[index - 1] : " "
      let afterLowercase = previous.properties.isLowercase
      let startsWord = previous == " " || previous == "'" || previous == "\u{2019}"
      guard afterLowercase || (lineHadMojibake && startsWord) else {
        output.append(scalars[index])
        continue
      }
      output.append("à")
      restored += 1
      if startsWord && isContractionOfGrave(scalars[(index + 2)...]) { index += 1 }
    }
    guard restored > 0 else { return false }
    scalars = output
    report.count(.mojibake, restored)
    return true
  }

  /// The rest of Portuguese `às`, `àquele`, `àquela`, `àquilo` (and plurals) after `à`: `s`
  /// followed by a space or the end (French `à s'adapter` is no contraction), or a word
  /// starting `quel` or `quil`.
  private static func isContractionOfGrave(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
    let word = rest.prefix { $0.properties.isAlphabetic }
    if word.elementsEqual("s".unicodeScalars) {
      return rest.dropFirst().first.map { $0 == " " } ?? true
    }
    return word.starts(with: "quel".unicodeScalars) || word.starts(with: "quil".unicodeScalars)
  }
}

extension MojibakeRepair {
  /// The same loss for other sequences whose byte 0xA0 became a space, in a line that held
  /// other mojibake:
  /// - two-byte letters (`Š`, `Р`, and `à` read through windows-1251 as `Г`): a lead that
  ///   starts a word, then a space and a lowercase letter. `à` keeps its space (a word of
  ///   its own); the others join the word the space cut (`Å veices` is `Šveices`, `Ð уский`
  ///   is `Руский`), when their lead is a Latin letter and they are of that word's script;
  /// - the no-break space itself: `Â` before a space was its lead (`namedÂ „scars`);
  /// - three-byte letters of scripts written without spaces (`à¸ à¸²` is `ภา`): a lead and a
  ///   continuation before a space and a letter of the same script.
  static func restoreSpacedNoBreak(
    _ scalars: inout [Unicode.Scalar], report: inout CleaningReport
  ) -> Bool {
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count)
    var restored = 0
    var index = 0
    while index < scalars.count {
      let beforeSpace = index + 1 < scalars.count && scalars[index + 1] == " "
      if beforeSpace && scalars[index] == "Â" {
        index += 1
        restored += 1
        continue
      }
      let startsWord = index == 0 || !scalars[index - 1].properties.isAlphabetic
      if startsWord, beforeSpace, index + 2 < scalars.count,
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
      if index + 3 < scalars.count, scalars[index + 2] == " ",
        let letter = threeByteLetter(lead: scalars[index], second: scalars[index + 1]),
        isSameScript(letter, scalars[index + 3])
      {
        output.append(letter)
        index += 3
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

  /// The letter of a three-byte UTF-8 sequence ending in 0xA0 whose first two bytes `lead`
  /// and `second` stand for in one of the code pages, held to the blocks its lead is
  /// taken for.
  private static func threeByteLetter(lead: Unicode.Scalar, second: Unicode.Scalar)
    -> Unicode.Scalar?
  {
    for page in codePages {
      guard let first = page.byte(lead), page.leads.contains(first), (0xE0...0xEF).contains(first),
        let next = page.continuationByte(second)
      else { continue }
      let value = UInt32(first & 0x0F) << 12 | UInt32(next & 0x3F) << 6 | 0x20
      guard value >= 0x800, isPlausible(value, lead: first), let letter = Unicode.Scalar(value),
        letter.properties.isAlphabetic
      else { continue }
      return letter
    }
    return nil
  }

  /// Both letters of one script other than Latin and Common.
  private static func isSameScript(_ letter: Unicode.Scalar, _ next: Unicode.Scalar) -> Bool {
    let table = ScriptTable.shared
    let script = table.classify(letter).script
    return script >= 0 && script != table.latin && next.properties.isAlphabetic
      && table.classify(next).script == script
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
