/// Undoes the commonest mojibake: UTF-8 bytes decoded as windows-1252 or Latin-1 (`cafÃ©`
/// for `café`, `â€™` for `’`, `Ð¿Ñ€Ð¸` for `при`, `Tiáº¿ng` for `Tiếng`), as windows-1250 or
/// ISO-8859-2 (`PĹ™Ă­klad`), as windows-1251 (`РџСЂРёРІРµС‚`), as windows-1257 (`ÄÆdomu`), as
/// MacRoman (`caf√©`) or as cp437 (`caf├⌐`), one level per round, so two layers take two
/// rounds.
///
/// Conservative, so that correct text never changes. Only sequences whose lead stands for a
/// UTF-8 lead seen in real mojibake, followed by characters of the same code page standing
/// for continuation bytes, decoding to valid UTF-8; and then:
/// - letters of other scripts need two in the line (`needsCompany`);
/// - `Ä Å Æ Ë` are not taken before quotes, dashes or a no-break space, and a line whose
///   only sequences end in a no-break space needs a lowercase letter or digit before each
///   (ftfy's false positive: a capital letter before a no-break space is normal text);
/// - `â` needs the second byte of punctuation, symbols, arrows, maths, shapes or dingbats
///   (U+2000...U+27FF); the leads that are common letters (`à á ê ë ì í ï`) only decode
///   into the blocks their mojibake comes from (`isPlausible`);
/// - outside windows-1252 a sequence never stands for a C1 control;
/// - MacRoman and cp437 pairs with no letter, digit or other sequence beside them (`√π`,
///   `∆°`) are weak: such symbol pairs are maths or faces;
/// - windows-1250, ISO-8859-2, windows-1251 and -1257 read common letters of their languages
///   as leads (`Рі` in `Рівне`), so a line needs two of their sequences, making up most of
///   its non-ASCII characters (`densityShare`).
struct MojibakeRepair: LineRepair {
  /// A lead character followed by one that continues it in the same code page (see
  /// `MojibakeCharacters.mayStart`).
  var trigger: RepairTrigger {
    let characters = MojibakeCharacters.shared
    return RepairTrigger(
      pairs: PairTrigger(starts: characters.leads, follows: { characters.mayStart($0, $1) }))
  }

  static let codePages: [MisreadCodePage] = [
    .western, .centralEuropean, .latin2, .cyrillic, .baltic, .macRoman, .cp437,
  ]

  /// The share of a line's non-ASCII characters that a density page's sequences must cover.
  static let densityShare = 0.6

  /// A match: where it starts, how many characters, what it stands for, and why it may need
  /// more evidence.
  /// `weak`: a match that counts only when the line has a match that is not weak.
  struct Match {
    var start: Int
    var length: Int
    var scalar: Unicode.Scalar
    var beforeNoBreakSpace: Bool
    var weak: Bool
    /// Whether the character after the lead is a letter (`Ðakovo`, not `Î³`).
    var secondIsLetter = false
    /// The sequence's last byte was lost to U+FFFD by the decoder that made the mojibake
    /// (`SlovenÄ�ina`): it stands for U+FFFD, as nothing better can be known.
    var lossy = false
  }

  /// UTF-8 leads of Latin-1, Latin Extended-A, combining diacritics, Greek, Cyrillic, Hebrew,
  /// Arabic, general punctuation and symbols, the BOM, and the CJK ranges U+3000...U+9FFF.
  static let leadBytes: Set<UInt8> = [
    0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF, 0xD0, 0xD1, 0xD7, 0xD8, 0xD9,
    0xE2, 0xE3,
    0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEF,
  ]

  /// Layers deeper than this are left alone: real mojibake is one or two deep.
  static let maximumLayers = 3

  /// Peels layer after layer here, before the other repairs run: they would otherwise
  /// remove the soft hyphens and C1 controls an inner layer still needs. Once a layer has
  /// proved the line is mojibake, the rules asking for evidence are waived.
  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    var layers = 0
    while layers < Self.maximumLayers, Self.peelLayer(&scalars, proven: layers > 0, report: &report)
    {
      layers += 1
    }
    var restored = Self.restoreSpacedGrave(&scalars, lineHadMojibake: layers > 0, report: &report)
    if layers > 0 && Self.restoreSpacedNoBreak(&scalars, report: &report) { restored = true }
    return layers > 0 || restored
  }

  /// Undoes one layer, read through the one code page that explains most of the line (a
  /// layer is one misreading, so its sequences share a code page).
  private static func peelLayer(
    _ scalars: inout [Unicode.Scalar], proven: Bool, report: inout CleaningReport
  ) -> Bool {
    guard scalars.count >= 2 else { return false }
    // Where a sequence may start, found once for the seven code pages.
    let leads = MojibakeCharacters.shared.leads
    let leadPlaces = scalars.indices.dropLast().filter { leads.contains(scalars[$0]) }
    guard !leadPlaces.isEmpty else { return false }
    var best: [Match] = []
    var bestPage = codePages[0]
    for page in codePages {
      let matches = matches(in: scalars, at: leadPlaces, page: page, proven: proven)
      if matches.reduce(0, { $0 + $1.length }) > best.reduce(0, { $0 + $1.length }) {
        best = matches
        bestPage = page
      }
    }
    guard !best.isEmpty, layerProvesItself(best, in: scalars, page: bestPage, deeper: proven) else {
      return false
    }
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count)
    var next = 0
    for match in best {
      output.append(contentsOf: scalars[next..<match.start])
      output.append(match.scalar)
      next = match.start + match.length
    }
    output.append(contentsOf: scalars[next...])
    scalars = output
    report.count(.mojibake, best.count)
    return true
  }

  /// The sequences `page` reads in the line that pass the rules asking for evidence, from
  /// left to right, each starting at one of `leadPlaces` (the places of a lead character
  /// before the line's last, ascending) after the end of the one before.
  private static func matches(
    in scalars: [Unicode.Scalar], at leadPlaces: [Int], page: MisreadCodePage, proven: Bool
  ) -> [Match] {
    var matches: [Match] = []
    var next = 0
    for index in leadPlaces where index >= next {
      let afterMatch = proven || matches.last.map { $0.start + $0.length == index } == true
      if let match = match(in: scalars, at: index, page: page, afterMatch: afterMatch) {
        matches.append(match)
        next = index + match.length
      }
    }
    guard !proven else { return matches }
    matches = outsideGarbles(matches, in: scalars)
    if page.needsDensity {
      let nonASCII = scalars.count { !$0.isASCII }
      let covered = matches.reduce(0) { $0 + $1.length }
      // A three-character sequence (`вЂ“`) is evidence enough on its own; two-character
      // ones are common letter pairs of the page's own languages.
      let enough = matches.count >= 2 || matches.contains { $0.length >= 3 }
      if !enough || Double(covered) < densityShare * Double(nonASCII) { return [] }
    } else if page.name != MisreadCodePage.western.name {
      for index in matches.indices where isolated(matches[index], in: scalars) {
        matches[index].weak = true
      }
    }
    if matches.count(where: needsCompany) == 1 { matches.removeAll(where: needsCompany) }
    if !matches.contains(where: { !$0.weak }) { return [] }
    if isLonePairAgainstCorrectText(matches, in: scalars) { return [] }
    if matches.allSatisfy(\.beforeNoBreakSpace) {
      for match in matches {
        let previous = match.start > 0 ? scalars[match.start - 1] : " "
        let afterIndex = match.start + match.length
        let next = afterIndex < scalars.count ? scalars[afterIndex] : " "
        // Letters on both sides, a lowercase one after: the word goes on through the
        // no-break space, which no typography does (`GÃ\u{A0}idhlig`). Nor does any put a
        // plain space right after a no-break one (`TRIP Ã\u{A0} l'office` is `à`).
        let wordGoesOn =
          previous.properties.isLowercase || ("0"..."9").contains(previous)
          || (previous.properties.isAlphabetic && next.properties.isLowercase) || next == " "
        if !wordGoesOn { return [] }
      }
    }
    return matches
  }

  /// The matches without those inside a garble: a run of adjacent sequences with, on both
  /// sides, a non-ASCII character that no sequence explains, not white space (`†â€™ã`). Real
  /// mojibake decodes whole, next to ASCII, white space or other sequences; in a garble
  /// (mojibake whose case was changed, bytes lost or inserted) a few sequences decode by
  /// chance, and decoding them only garbles it differently (ftfy's lookbehind, on both sides).
  private static func outsideGarbles(_ matches: [Match], in scalars: [Unicode.Scalar])
    -> [Match]
  {
    func isUnexplained(_ index: Int) -> Bool {
      guard scalars.indices.contains(index) else { return false }
      return !scalars[index].isASCII && !scalars[index].properties.isWhitespace
    }
    var kept: [Match] = []
    var runStart = 0
    for index in matches.indices {
      let end = matches[index].start + matches[index].length
      let runEnds = index + 1 == matches.count || matches[index + 1].start != end
      guard runEnds else { continue }
      let run = matches[runStart...index]
      if !(isUnexplained(run.first!.start - 1) && isUnexplained(end)) { kept += run }
      runStart = index + 1
    }
    return kept
  }

  /// One two-character sequence standing for a letter, in a line that also holds other
  /// non-ASCII characters, not white space, that no sequence explains (`–` in `Bremer/Mccoy
  /// – DrÃ¥ber`, `ä` in `I saw "Ã¤" instead of "ä"`): the rest of the line was not misread
  /// (`–` would have become a sequence too), so the line is not one misreading, and a single
  /// pair is too little evidence to change a word's spelling (on the dev pages such pairs
  /// were emoji mojibake Winnow cannot read whole: `≡ƒÄ¤` gave `≡ƒĤ`). A pair standing for
  /// a space or a sign (`┬á`, `Â·`, `Â©`) is still taken: there such lines were right.
  private static func isLonePairAgainstCorrectText(
    _ matches: [Match], in scalars: [Unicode.Scalar]
  ) -> Bool {
    guard matches.count == 1, let pair = matches.first, pair.length == 2,
      pair.scalar.properties.isAlphabetic || pair.scalar.properties.generalCategory.isMark
    else { return false }
    return scalars.indices.contains { index in
      let scalar = scalars[index]
      // `Ã` and `Â` before a space are `à` and a no-break space whose 0xA0 became a space,
      // restored after this pass: mojibake, not correct text.
      let isSpacedLead =
        (scalar == "Ã" || scalar == "Â") && index + 1 < scalars.count && scalars[index + 1] == " "
      return !(pair.start..<pair.start + pair.length).contains(index) && !scalar.isASCII
        && !scalar.properties.isWhitespace && !isSpacedLead
    }
  }

  /// Whether neither neighbour of a match is a letter, a digit or part of another sequence
  /// (which would have been taken into the match or be a lead character itself).
  private static func isolated(_ match: Match, in scalars: [Unicode.Scalar]) -> Bool {
    func isWordOrSequence(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        || MojibakeCharacters.shared.leads.contains(scalar)
    }
    let before = match.start > 0 ? scalars[match.start - 1] : " "
    let afterIndex = match.start + match.length
    let after = afterIndex < scalars.count ? scalars[afterIndex] : " "
    return !isWordOrSequence(before) && !isWordOrSequence(after)
  }

  /// Whether a three-byte sequence decodes into a block its lead is taken for: the leads
  /// whose characters are common letters (`à á ê ë ì í ï`) only into the blocks real
  /// mojibake of them comes from (for 0xEF also the Latin ligatures `ﬁ ﬂ`), so that
  /// `voilà\u{A0}»` stays French.
  static func isPlausible(_ value: UInt32, lead: UInt8) -> Bool {
    switch lead {
    case 0xE0: (0x0900...0x0FFF).contains(value)
    case 0xE1: (0x1000...0x10FF).contains(value) || (0x1E00...0x1FFF).contains(value)
    case 0xEA...0xED: (0xAC00...0xD7A3).contains(value)
    case 0xEF:
      value == 0xFEFF || value == 0xFFFD || (0xFF00...0xFFEF).contains(value)
        || (0xFB00...0xFB06).contains(value)
    default: true
    }
  }

  /// Letters of scripts other than Latin: their leads (`Ð Ñ Î Ø ä æ é ë`, `– —` in
  /// MacRoman) are common in correct text, so a line needs two such repairs for either to
  /// count (`Brontë…”` is no Hangul syllable).
  static func needsCompany(_ match: Match) -> Bool {
    // Beside a symbol a Greek lead is no Greek word (`IL2RÎ³cKO`): one is enough.
    if !match.secondIsLetter && (0x370...0x3FF).contains(match.scalar.value) { return false }
    return switch match.scalar.value {
    case 0x370...0x6FF, 0x3000...0x9FFF, 0xAC00...0xD7A3: true
    default: false
    }
  }

  /// `afterMatch`: right after another match (or in a proven line), where `Ä Å Æ Ë`
  /// before quotes and dashes are a second layer rather than correct text.
  private static func match(
    in scalars: [Unicode.Scalar], at index: Int, page: MisreadCodePage, afterMatch: Bool
  ) -> Match? {
    guard let lead = page.byte(scalars[index]), page.leads.contains(lead) else { return nil }
    if let lossy = lossyMatch(in: scalars, at: index, lead: lead, page: page) { return lossy }
    guard let second = page.continuationByte(scalars[index + 1]) else { return nil }
    // Weak evidence, counted only beside a stronger match: cp437's box drawing before
    // another box character (box art), and a letter of MacRoman or cp437 before one of
    // their accented letters (Yoruba `Àì` is MacRoman for U+02D3) giving a Latin result.
    let isBoxPair =
      page.name == MisreadCodePage.cp437.name && !MisreadCodePage.cp437Core.contains(lead)
      && (0x2500...0x25FF).contains(scalars[index + 1].value)
    let isLetterPair =
      page.name != MisreadCodePage.western.name && !page.needsDensity
      && scalars[index].properties.isAlphabetic
      && scalars[index + 1].properties.isAlphabetic
    // Two capitals inside a capitalized word (`PĂŞUNEA`) are more likely a heading in
    // windows-1250's own languages than mojibake.
    let isCapitalsInWord =
      page.needsDensity && index > 0 && scalars[index - 1].properties.isUppercase
      && scalars[index].properties.isUppercase && scalars[index + 1].properties.isUppercase
    let beforeNoBreakSpace = scalars[index + 1] == "\u{A0}"
    let readsAsText = pairReadsAsText(scalars, at: index)
    switch lead {
    case 0xC2...0xDF:
      // `Ä Å Æ Ë Ì Í` before a no-break space, a curly quote or a dash are more likely
      // correct (`COSÌ”`).
      if !afterMatch && ["Ä", "Å", "Æ", "Ë", "Ì", "Í"].contains(scalars[index])
        && (second == 0xA0 || (0x91...0x97).contains(second))
      {
        return nil
      }
      let value = UInt32(lead & 0x1F) << 6 | UInt32(second & 0x3F)
      // A C1 control is no text; windows-1252's outer layer of double mojibake is the
      // exception, as the inner layer reads it as a byte again.
      if (0x80...0x9F).contains(value) && page.name != MisreadCodePage.western.name {
        return nil
      }
      return Match(
        start: index, length: 2, scalar: Unicode.Scalar(value)!,
        beforeNoBreakSpace: beforeNoBreakSpace,
        weak: isBoxPair || isCapitalsInWord || readsAsText || (isLetterPair && value < 0x370),
        secondIsLetter: scalars[index + 1].properties.isAlphabetic)
    default:
      guard index + 2 < scalars.count, let third = page.continuationByte(scalars[index + 2])
      else { return nil }
      // French `â` before two such characters: only punctuation, symbols, arrows, maths,
      // shapes and dingbats (U+2000...U+27FF) are taken, never the rarer blocks above.
      if scalars[index] == "â" && second >= 0xA0 { return nil }
      let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
      if (0xD800...0xDBFF).contains(value) {
        return surrogatePair(in: scalars, at: index, high: value, page: page)
      }
      guard value >= 0x800, Self.isPlausible(value, lead: lead), let scalar = Unicode.Scalar(value)
      else { return nil }
      return Match(
        start: index, length: 3, scalar: scalar, beforeNoBreakSpace: false, weak: false)
    }
  }
}

extension MojibakeRepair {
  /// Leads whose pairs with punctuation and signs ftfy's badness counts as mojibake
  /// (`Ã™`, `Â£`, `Î¼`, `Ð¾`, and Arabic's `Ø` and `Ù`); other capitals (`Ä Å Æ`) are
  /// common letters that correct text puts before such signs.
  static let typicalLeads: Set<Unicode.Scalar> = ["Ã", "Â", "Î", "Ð", "Ø", "Ù"]

  /// Whether a two-character sequence also reads as correct text, so that it is weak
  /// evidence: an apostrophe after a letter and before a letter (`Ã’s`, a plural), and a
  /// capital other than the typical leads followed by a currency or trade mark sign after
  /// another capital (a product name `AHÅ™`, leetspeak `MÄ£ÄM`).
  static func pairReadsAsText(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    let second = scalars[index + 1]
    let next = index + 2 < scalars.count ? scalars[index + 2] : " "
    if second == "\u{2019}" && next.properties.isAlphabetic { return true }
    let previous = index > 0 ? scalars[index - 1] : " "
    let isSign = second.properties.generalCategory == .currencySymbol || second == "\u{2122}"
    return isSign && previous.properties.isUppercase && !typicalLeads.contains(scalars[index])
  }

  /// A lead and its continuation characters, some lost: U+FFFD where the decoder that made
  /// the mojibake lost a byte its code page leaves undefined, in any continuation place
  /// (`Ä�`, `â€�`, `à¥�`, and `â�’` once an outer layer is peeled), or at most one ASCII
  /// `?` where a stricter decoder wrote that instead (`â€?`, `Ã?`; ftfy's
  /// `LOSSY_UTF8_RE`). The whole sequence stands for U+FFFD. A `?` alone is weak evidence:
  /// `Ã?` and `â?` end questions in correct text.
  static func lossyMatch(
    in scalars: [Unicode.Scalar], at index: Int, lead: UInt8, page: MisreadCodePage
  ) -> Match? {
    let continuations = lead >= 0xE0 ? 2 : 1
    guard index + continuations < scalars.count else { return nil }
    var lost = 0
    var questionMarks = 0
    for scalar in scalars[index + 1...index + continuations] {
      if scalar == "\u{FFFD}" {
        lost += 1
      } else if scalar == "?" {
        questionMarks += 1
      } else if page.continuationByte(scalar) == nil {
        return nil
      }
    }
    // A two-byte `?` only after the leads of Latin-1 letters, as ftfy takes it.
    guard lost + questionMarks > 0, questionMarks <= 1,
      questionMarks == 0 || continuations == 2 || lead <= 0xC3
    else { return nil }
    return Match(
      start: index, length: continuations + 1, scalar: "\u{FFFD}", beforeNoBreakSpace: false,
      weak: lost == 0, lossy: true)
  }
}

extension MojibakeRepair {
  /// CESU-8 (Java's and MySQL's `utf8`): a character above the BMP written as two UTF-16
  /// surrogates of three bytes each (`í\u{A0}½í¸\u{8D}` for `😍`). Taken only when a low
  /// surrogate follows the high one and the pair is an emoji or a CJK ideograph.
  static func surrogatePair(
    in scalars: [Unicode.Scalar], at index: Int, high: UInt32, page: MisreadCodePage
  ) -> Match? {
    guard index + 5 < scalars.count, page.byte(scalars[index + 3]) == 0xED,
      let second = page.continuationByte(scalars[index + 4]),
      let third = page.continuationByte(scalars[index + 5])
    else { return nil }
    let low = 0xD000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
    guard (0xDC00...0xDFFF).contains(low) else { return nil }
    let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    guard (0x1F000...0x1FAFF).contains(value) || (0x20000...0x3FFFF).contains(value),
      let scalar = Unicode.Scalar(value)
    else { return nil }
    return Match(start: index, length: 6, scalar: scalar, beforeNoBreakSpace: false, weak: false)
  }
}
