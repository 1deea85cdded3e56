import Testing

@testable import Winnow

@Suite struct MojibakeRepairTests {
  static let cases: [RepairCase] = [
    RepairCase("e acute", "cafÃ©", "café", .mojibake, 1),
    RepairCase("several Latin-1 letters", "Ã¼ber GrÃ¶ÃŸe", "über Größe", .mojibake, 3),
    RepairCase("right single quote", "donâ€™t", "don’t", .mojibake, 1),
    RepairCase("curly quotes and dash", "â€œHiâ€\u{9D} â€“ ok", "“Hi” – ok", .mojibake, 3),
    RepairCase("ellipsis and trademark", "waitâ€¦ Acmeâ„¢", "wait… Acme™", .mojibake, 2),
    RepairCase("degree sign", "25Â°C", "25°C", .mojibake, 1),
    RepairCase("Czech", "Å¡kola", "škola", .mojibake, 1),
    RepairCase("Polish", "zÅ‚oty", "złoty", .mojibake, 1),
    RepairCase("Cyrillic word", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет", .mojibake, 6),
    RepairCase("A grave through Latin-1", "voilÃ\u{A0} tout", "voilà tout", .mojibake, 1),
    RepairCase("no-break space beside other repairs", "Ã\u{A0} lÃ©tÃ©", "à lété", .mojibake, 3),
    // No typography puts a plain space after a no-break one: `S.à r.l.`, the company form.
    RepairCase("no-break space before a space", "S.Ã\u{A0} r.l.", "S.à r.l.", .mojibake, 1),
    RepairCase("minus sign", "xÂ²âˆ’1", "x²−1", .mojibake, 2),
    RepairCase("MacRoman e acute", "caf√© cr√®me", "café crème", .mojibake, 2),
    RepairCase("MacRoman quote", "don‚Äôt", "don’t", .mojibake, 1),
    RepairCase("MacRoman Cyrillic", "–ü—Ä–∏–≤–µ—Ç", "Привет", .mojibake, 6),
    RepairCase("cp437 German", "Gr├╢├ƒe ├╝ber", "Größe über", .mojibake, 3),
    RepairCase("cp437 quote", "donΓÇÖt", "don’t", .mojibake, 1),
    RepairCase("MacRoman twice", "caf‚àö¬©", "café", .mojibake, 3),
    RepairCase("cp437 no-break space", "count. ┬áVoting", "count. Voting", .mojibake, 1),
    RepairCase("double mojibake", "cafÃƒÂ©", "café", .mojibake, 3),
    RepairCase("BOM read as windows-1252", "ï»¿Title", "Title", .mojibake, 1),
    RepairCase("windows-1250 Czech", "PĹ™Ă\u{AD}mĂ˝ vstup", "Přímý vstup", .mojibake, 3),
    RepairCase("windows-1250 Polish", "ZaĹĽĂłĹ‚Ä‡ gÄ™Ĺ›lÄ…", "Zażółć gęślą", .mojibake, 7),
    RepairCase("windows-1251 Russian", "РџСЂРёРІРµС‚, РјРёСЂ", "Привет, мир", .mojibake, 9),
    RepairCase("windows-1251 quotes", "В«РњРѕСЃРєРІР°В»", "«Москва»", .mojibake, 8),
    RepairCase("dingbat through windows-1252", "âœ” No problems", "✔ No problems", .mojibake, 1),
    RepairCase("symbol through Latin-1", "Justinâ\u{9D}¤", "Justin❤", .mojibake, 1),
    RepairCase(
      "windows-1257 Lithuanian", "ÄÆdomu, kaip ÄÆsivaizduoji. VisÅ³ pirma",
      "įdomu, kaip įsivaizduoji. Visų pirma", .mojibake, 3),
    RepairCase(
      "ISO-8859-2 Czech", "MĂĄm dost tĹ\u{99}etĂ\u{AD}ho", "Mám dost třetího", .mojibake, 3),
    RepairCase("Vietnamese", "Táº¡i sao giÃ¡ háº¡t", "Tại sao giá hạt", .mojibake, 3),
    RepairCase("Hindi", "à¤¹à¤¿à¤¨à¥\u{8D}à¤¦à¥€", "हिन्दी", .mojibake, 6),
    RepairCase("Korean", "í•œêµ\u{AD}ì–´", "한국어", .mojibake, 3),
    RepairCase("fullwidth comma", "Ningboï¼ŒChina", "Ningbo，China", .mojibake, 1),
    RepairCase("one Greek letter beside a symbol", "IL2RÎ³cKO", "IL2RγcKO", .mojibake, 1),
    RepairCase(
      "a grave whose no-break space became a space", "voilÃ le travail", "voilà le travail",
      .mojibake, 1),
    RepairCase(
      "a grave as a word beside other mojibake", "Ã perturber la rÃ©flexion jusqu'Ã nos jours",
      "à perturber la réflexion jusqu'à nos jours", .mojibake, 3),
    RepairCase("math operator", "<40% vs â\u{89}¥40%", "<40% vs ≥40%", .mojibake, 1),
  ]

  /// Correct text with the lead characters next to symbols: must never change.
  static let untouched: [String] = [
    "São Paulo, NÃO, mãe, irmã", "ESPAÑA — AÑO", "Ð is eth; Reykjavík, Ðakovo", "ÉTÉ—été",
    "gâteau, château, âme", "naïve Haïti «oui»", "Å’s and Åsa", "Ñ¿ alone", "ÂGE", "Â",
    "Ã", "cafÃ", "2010–2020 and 1–√2",
    "x ≈ 3, √2 ≈ 1.41", "┬─┬ ├──┤ └─┘", "Àìsàn-ojú Tìràkómà", "░▒▓ ─▒─ ╬╡", "Γεια σου κόσμε",
    "– é — à", "–Ä", "∩Ç",
    // Symbol pairs MacRoman would read as letters, and a C1 control it would give.
    "(-1/2)! = √π", "∆°", "OK :( `¬´ ):", "( o¬ô )",
    // Cyrillic and Central European letters that windows-1251 and -1250 read as leads.
    "Рівне і Рівного", "Всё «в порядке» — в Москве", "PĂŞUNEA ŞI CÂMPUL", "Ăn țară",
    "Ðakovo", "à «la» carte", "MAÇÃ VERDE E IRMÃ", "Ã la carte",
    "Latvijā «Rīga» un Lietuvā «Vilnius»", "Šveices baņķieri", "Charlotte Brontë…”", "NICIODATĂ™",
  ]

  /// A capital letter (or `à`) before a no-break space is normal text (ftfy's known false
  /// positive); the white space repair may still turn the space into U+0020.
  static let letterBeforeNoBreakSpace = [
    "Ã\u{A0}la", "NÂ\u{A0}5", "Å\u{A0}x", "SELKÄ\u{A0}EDELLÄ\u{A0}MAAHAN",
    "voilà\u{A0}»",
  ]

  @Test(arguments: letterBeforeNoBreakSpace) func keepsLetterBeforeNoBreakSpace(_ line: String) {
    var scalars = Array(line.unicodeScalars)
    var report = CleaningReport()
    #expect(!MojibakeRepair().repair(&scalars, report: &report))
    #expect(report.repairs.isEmpty)
  }

  @Test(arguments: cases) func undoes(_ row: RepairCase) throws {
    let (text, repairs) = try normalizeLine(row.input)
    #expect(text == row.output)
    #expect(repairs[row.kind] == row.count)
  }

  @Test(arguments: untouched) func neverChangesCorrectText(_ line: String) throws {
    let (text, repairs) = try normalizeLine(line)
    #expect(text == line)
    #expect(repairs.isEmpty)
  }
}

@Test func leadSetAgreesWithTheCodePages() {
  for value in UInt32(0x80)..<0x10000 {
    guard let scalar = Unicode.Scalar(value) else { continue }
    let standsForLead = MojibakeRepair.codePages.contains { page in
      page.byte(scalar).map(page.leads.contains) == true
    }
    #expect(
      MojibakeCharacters.shared.leads.contains(scalar) == standsForLead,
      "U+\(String(value, radix: 16))")
  }
}
