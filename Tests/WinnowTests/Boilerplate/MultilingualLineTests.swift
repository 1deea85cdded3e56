import Testing

@testable import Winnow

/// Chrome lines in the languages issue 3 added to the cue lexicons, one rule at a time: the
/// first built-in rule that matches must be the expected one. Prose that uses the same words
/// ("declined to comment", "read the terms") must match none.
@Suite struct MultilingualLineTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var line: String
    var rule: RuleID?
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "sv related header", line: "Läs också", rule: "builtin.related-header"),
    Case(
      name: "sv cookie notice", line: "Vi använder cookies för att förbättra webbplatsen",
      rule: "builtin.legal"),
    Case(name: "da share row", line: "Del på Facebook  Udskriv", rule: "builtin.social"),
    Case(name: "da comment header", line: "Kommentarer (14)", rule: "builtin.comment-header"),
    Case(name: "nb menu", line: "Forside  Nyheter  Kontakt oss", rule: "builtin.navigation-words"),
    Case(name: "nb promo", line: "Bli abonnent i dag", rule: "builtin.promo"),
    Case(name: "fi related header", line: "Lue myös", rule: "builtin.related-header"),
    Case(name: "fi dateline", line: "Julkaistu 12.3.2024 klo 10.30", rule: "builtin.dateline"),
    Case(name: "cs comment header", line: "Diskuse (56)", rule: "builtin.comment-header"),
    Case(name: "cs rights", line: "Všechna práva vyhrazena", rule: "builtin.legal"),
    Case(name: "id related header", line: "Berita Terkait", rule: "builtin.related-header"),
    Case(name: "id dateline", line: "Senin, 12 Februari 2024 10:30 WIB", rule: "builtin.dateline"),
    Case(name: "uk related header", line: "Читайте також", rule: "builtin.related-header"),
    Case(name: "uk comment widget", line: "Залишити коментар", rule: "builtin.comment-widget"),
    Case(name: "el related header", line: "Διαβάστε επίσης", rule: "builtin.related-header"),
    Case(name: "el all-caps comments", line: "ΣΧΟΛΙΑ", rule: "builtin.comment-header"),
    Case(name: "ro cedilla related header", line: "Citeşte şi", rule: "builtin.related-header"),
    Case(name: "ro share", line: "Distribuie pe Facebook", rule: "builtin.social"),
    Case(name: "hu comment count", line: "12 hozzászólás", rule: "builtin.comment-header"),
    Case(name: "hu rights", line: "Minden jog fenntartva.", rule: "builtin.legal"),
    Case(
      name: "tr all-caps related header", line: "İLGİLİ HABERLER", rule: "builtin.related-header"),
    Case(name: "pl dateline", line: "Opublikowano: 12 marca 2024, 10:30", rule: "builtin.dateline"),
    Case(name: "nl byline", line: "Door Jan de Vries", rule: "builtin.byline"),
    Case(name: "vi dateline", line: "Thứ hai, 12/3/2024, 10:30 (GMT+7)", rule: "builtin.dateline"),
    Case(name: "hi photo credit", line: "फोटो: पीटीआई", rule: "builtin.photo-credit"),
    Case(name: "ar photo credit", line: "تصوير: أحمد علي", rule: "builtin.photo-credit"),
    // Prose with the same words.
    Case(
      name: "sv declined to comment", line: "Ministern vill inte kommentera uppgifterna.",
      rule: nil),
    Case(
      name: "nl declined to react", line: "De minister wilde niet reageren op de vragen.",
      rule: nil),
    Case(
      name: "cs declined to comment", line: "Mluvčí ministerstva odmítl situaci komentovat.",
      rule: nil),
    Case(
      name: "fi sentence with space", line: "Uudessa talossa on tilaa kolmelle perheelle.",
      rule: nil),
    Case(name: "pl bare newsletter", line: "Newsletter", rule: nil),
  ]

  @Test(arguments: cases)
  func firstMatchingRule(_ example: Case) {
    let line = LineContext(example.line, lexicons: Lexicons.builtIn)
    #expect(BuiltInRules.firstMatch(line)?.id == example.rule)
  }

  /// One sentence in each added language that the page tests do not cover: its function
  /// words must name its language, so the content score counts the right list.
  static let sentences: [(language: String, text: String)] = [
    (
      "sv",
      "Regeringen har beslutat att satsa mer pengar på skolan, men oppositionen menar att "
        + "det inte räcker för att lösa problemen."
    ),
    (
      "da",
      "Regeringen har besluttet at bruge flere penge på skolerne, men oppositionen mener "
        + "ikke, at det er nok til at løse problemer af den slags."
    ),
    (
      "nb",
      "Regjeringen har bestemt å bruke mer penger på skolen, men opposisjonen mener at det "
        + "ikke er nok til å løse problemene."
    ),
    (
      "fi",
      "Hallitus on päättänyt lisätä koulujen rahoitusta, mutta oppositio sanoo, että se ei "
        + "riitä ratkaisemaan ongelmia."
    ),
    (
      "cs",
      "Vláda se rozhodla dát více peněz do škol, ale opozice tvrdí, že to na vyřešení "
        + "problémů nestačí."
    ),
    (
      "id",
      "Pemerintah telah memutuskan untuk menambah anggaran bagi sekolah, tetapi pihak "
        + "oposisi mengatakan bahwa itu belum cukup."
    ),
    (
      "uk",
      "Уряд вирішив виділити більше грошей на школи, але опозиція вважає, що цього не "
        + "досить для того, щоб розв'язати проблеми."
    ),
    (
      "el",
      "Η κυβέρνηση αποφάσισε να δώσει περισσότερα χρήματα στα σχολεία, αλλά η "
        + "αντιπολίτευση λέει ότι αυτό δεν είναι αρκετό."
    ),
    (
      "ro",
      "Guvernul a decis să aloce mai mulți bani pentru școli, dar opoziția spune că acest "
        + "lucru nu este suficient pentru a rezolva problemele."
    ),
    (
      "hu",
      "A kormány úgy döntött, hogy több pénzt ad az iskoláknak, de az ellenzék szerint ez "
        + "nem elég a problémák megoldására."
    ),
  ]

  @Test(arguments: sentences)
  func functionWordsNameTheLanguage(_ sentence: (language: String, text: String)) {
    let lexicons = Lexicons.builtIn
    let line = LineContext(sentence.text, lexicons: lexicons)
    #expect(PageLanguage(lines: [line], lexicons: lexicons).code == sentence.language)
  }
}
