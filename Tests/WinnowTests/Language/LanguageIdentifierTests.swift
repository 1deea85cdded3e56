import Testing

@testable import Winnow

@Suite struct LanguageIdentifierTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var language: String
    var script: String
    var testDescription: String { name }
  }

  static let identifier = LanguageIdentifier()

  static let cases: [Case] = [
    Case(
      name: "English", text: "The minister said that the talks would continue next week.",
      language: "en", script: "Latn"),
    Case(
      name: "German",
      text: "Die Regierung hat am Montag erklärt, dass sie den Plan nicht ändern wird.",
      language: "de", script: "Latn"),
    Case(
      name: "French",
      text: "Le gouvernement a annoncé qu'il ne changera pas son plan pour les écoles.",
      language: "fr", script: "Latn"),
    Case(
      name: "Spanish", text: "El gobierno dijo que no cambiará el plan para las escuelas del país.",
      language: "es", script: "Latn"),
    Case(
      name: "Portuguese",
      text: "O governo disse que não vai mudar o plano para as escolas do país.",
      language: "pt", script: "Latn"),
    Case(
      name: "Polish", text: "Rząd poinformował, że nie zmieni planu dla szkół w tym roku.",
      language: "pl", script: "Latn"),
    Case(
      name: "Russian",
      text: "Правительство заявило, что не будет менять этот план, и это было ясно.",
      language: "ru", script: "Cyrl"),
    Case(
      name: "Ukrainian", text: "Уряд заявив, що не буде змінювати цей план, і це було зрозуміло.",
      language: "uk", script: "Cyrl"),
    Case(
      name: "Russian news",
      text: "В Москве в понедельник прошло заседание, на котором обсуждали бюджет.",
      language: "ru", script: "Cyrl"),
    Case(
      name: "Ukrainian news",
      text: "У Києві в понеділок відбулося засідання, на якому обговорювали бюджет.",
      language: "uk", script: "Cyrl"),
    Case(
      name: "Bulgarian", text: "Правителството каза, че няма да променя този план, който е важен.",
      language: "bg", script: "Cyrl"),
    Case(
      name: "Dutch",
      text: "De regering heeft maandag gezegd dat het plan niet zal worden gewijzigd.",
      language: "nl", script: "Latn"),
    Case(
      name: "Swedish", text: "Regeringen sade på måndagen att planen inte kommer att ändras.",
      language: "sv", script: "Latn"),
    Case(
      name: "Zulu by its prefixes", text: "Abantu abaningi bathanda ukudlala ibhola ezikoleni.",
      language: "zu", script: "Latn"),
    Case(
      name: "Persian", text: "دولت اعلام کرد که این برنامه را برای مدارس تغییر نمی دهد.",
      language: "fa", script: "Arab"),
    Case(
      name: "Arabic", text: "قالت الحكومة إن هذه الخطة لن تتغير في المدارس بعد الآن.",
      language: "ar", script: "Arab"),
    Case(
      name: "Hindi", text: "सरकार ने कहा कि यह योजना स्कूलों के लिए नहीं बदली जाएगी।",
      language: "hi", script: "Deva"),
    Case(
      name: "Japanese with kanji and kana", text: "政府は来週、新しい計画を発表すると述べました。",
      language: "ja", script: "Jpan"),
    Case(
      name: "Korean", text: "정부는 다음 주에 새로운 계획을 발표할 것이라고 밝혔다.",
      language: "ko", script: "Hang"),
    Case(
      name: "Korean with Han", text: "大韓民國 憲法 제1조 대한민국은 민주공화국이다.",
      language: "ko", script: "Kore"),
    Case(
      name: "Simplified Chinese", text: "政府说下周将发表新的计划，这个计划对学校很重要。",
      language: "zh", script: "Hans"),
    Case(
      name: "Traditional Chinese", text: "政府說下週將發表新的計劃，這個計劃對學校很重要。",
      language: "zh", script: "Hant"),
    Case(
      name: "Greek", text: "Η κυβέρνηση είπε ότι το σχέδιο δεν θα αλλάξει.", language: "el",
      script: "Grek"),
    Case(name: "Thai", text: "รัฐบาลกล่าวว่าแผนนี้จะไม่เปลี่ยนแปลง", language: "th", script: "Thai"),
    Case(
      name: "Digits only", text: "2024-05-17 12:30 +49 (0) 30 1234", language: "und", script: "Zyyy"
    ),
    Case(name: "Empty", text: "", language: "und", script: "Zyyy"),
  ]

  @Test(arguments: cases)
  func identifies(_ example: Case) {
    let guess = Self.identifier.identify(example.text)
    #expect(guess.language == example.language)
    #expect(guess.script == example.script)
    #expect((0...1).contains(guess.confidence))
  }

  @Test func aSubstringIsIdentifiedLikeTheString() {
    let text = "x\nDie Regierung hat erklärt, dass sie den Plan nicht ändern wird.\ny"
    let line = text.split(separator: "\n")[1]
    #expect(Self.identifier.identify(line) == Self.identifier.identify(String(line)))
    #expect(Self.identifier.identify(line).language == "de")
  }

  /// A string is read from its UTF-8 bytes, the language stage's pieces from their decoded
  /// scalars: both must give the same guess, to the confidence, in every script and with
  /// letters of every UTF-8 length.
  @Test(arguments: cases)
  func theBytesOfAStringGiveTheGuessOfItsScalars(_ example: Case) {
    let scalars = Array(example.text.unicodeScalars)[...]
    #expect(Self.identifier.identify(example.text) == Self.identifier.identify(scalars))
  }

  /// `winnow langid` hands each line over as bytes: valid ones are read in place and must give
  /// the string's guess; invalid ones are repaired as a string would be (U+FFFD), not refused.
  @Test(arguments: cases)
  func aLineOfBytesGivesTheGuessOfItsString(_ example: Case) {
    let guess = Array(example.text.utf8).withUnsafeBufferPointer {
      Self.identifier.identify(utf8: $0)
    }
    #expect(guess == Self.identifier.identify(example.text))
  }

  @Test func invalidBytesAreIdentifiedAsTheirRepairedString() {
    let bytes =
      Array("Die Regierung hat erklärt, dass sie den Plan nicht".utf8) + [0xFF, 0xC3]
      + Array(" ändern wird.".utf8)
    let guess = bytes.withUnsafeBufferPointer { Self.identifier.identify(utf8: $0) }
    #expect(guess == Self.identifier.identify(String(decoding: bytes, as: UTF8.self)))
    #expect(guess.language == "de")
  }

  @Test func chineseWithoutVariantCluesIsHan() {
    #expect(Self.identifier.identify("天晴後帶著散步遊園也好解解悶").script == "Hani")
  }

  @Test func aMadeUpWordIsAWorthlessGuess() {
    let guess = Self.identifier.identify("Xylqor")
    #expect(guess.script == "Latn")
    #expect(guess.confidence < 0.1)
  }

  @Test func latinLettersNeedTwoThirdsOfAMixedTextToDecideItsScript() {
    let mostlyLatin =
      "Read the latest world news and sports results here: Вчера вечером мы долго гуляли по парку."
    #expect(Self.identifier.identify(mostlyLatin).language == "ru")
    let englishWithAName = "The band played its best song, called Звезда, at the end of the night."
    #expect(Self.identifier.identify(englishWithAName).language == "en")
  }

  @Test func theModelDecidesAmongTheLanguagesOfTheScript() {
    #expect(Self.identifier.identify("Вчера вечером мы долго гуляли по парку.").language == "ru")
    #expect(Self.identifier.identify("Учора ввечері ми довго гуляли парком.").language == "uk")
  }

  @Test func anExpectedLanguageIsConfirmedAndAnotherOneStillFound() {
    var expectation: LanguageIdentifier.Expectation?
    func identify(_ text: String) -> String {
      let scalars = Array(text.unicodeScalars)
      return Self.identifier.identify(scalars[...], expecting: &expectation).language
    }
    #expect(identify("The minister said that the talks would continue next week.") == "en")
    #expect(expectation?.language == "en")
    #expect(identify("The committee will publish its report after the elections.") == "en")
    #expect(expectation?.language == "en")
    #expect(identify("Die Regierung hat erklärt, dass sie den Plan nicht ändern wird.") == "de")
    #expect(expectation?.language == "de")
    #expect(identify("Regeringen sade på måndagen att planen inte kommer att ändras.") == "sv")
  }

  @Test func theSiblingsOfTheExpectedLanguageAreAlwaysAmongItsRivals() {
    // The text that set the expectation need not rank every sibling among its leaders; a
    // paragraph in one of them must still be checked against it, not taken as more of the
    // expected language (a page's Portuguese paragraphs read as its Spanish).
    var expectation: LanguageIdentifier.Expectation?
    for (text, siblings) in [
      ("La Generalitat ha anunciat que les obres del port començaran al gener.", ["es", "pt"]),
      ("Kommunen har besluttet at bygge en ny skole i den nordlige del af byen.", ["nb", "nn"]),
      ("Pemerintah mengumumkan bahwa pembangunan pelabuhan dimulai bulan depan.", ["ms"]),
    ] {
      let scalars = Array(text.unicodeScalars)
      _ = Self.identifier.identify(scalars[...], expecting: &expectation)
      let rivals = Set(
        (expectation?.rivals.indices ?? []).map { Self.identifier.model.languages[$0] })
      #expect(rivals.isSuperset(of: siblings), "\(text)")
    }
  }

  @Test func aForeignNameOpeningTheTextDoesNotWinByTheBeam() {
    // The name puts English far behind at first; the text after it decides.
    let text =
      "Ðorđe Đoković Šćepanović said that the weather was lovely and that everyone went to "
      + "the beach to swim, to play football and to eat ice cream until the sun went down."
    #expect(Self.identifier.identify(text).language == "en")
  }

  @Test func aHeaderInAnotherLanguageDoesNotTakeOverTheExpectedLanguage() {
    var expectation: LanguageIdentifier.Expectation?
    func identify(_ text: String) -> String {
      let scalars = Array(text.unicodeScalars)
      return Self.identifier.identify(scalars[...], expecting: &expectation).language
    }
    #expect(
      identify("Nous avons passé toute la soirée à discuter de nos projets pour l'été.") == "fr")
    let text =
      "Frameworks, Toolkits, Patterns, Idioms: la description d'un problème récurrent et "
      + "des grandes lignes d'une solution générale à ce problème, que nous avons vue hier "
      + "soir avec les étudiants de la faculté."
    #expect(identify(text) == "fr")
  }

  @Test func onlyTheFirstSampleLettersCount() {
    let english = String(
      repeating: "the talks would continue next week ", count: LanguageIdentifier.sampleLetters)
    let guess = Self.identifier.identify(english + "Die Regierung hat erklärt, dass sie.")
    #expect(guess.language == "en")
  }

  @Test func aScriptWithoutAFallbackIsUndeterminedWithoutEvidence() {
    let guess = Self.identifier.identify("ⴰⵣⵓⵍ")
    #expect(guess == LanguageIdentifier.Guess(language: "und", script: "Tfng", confidence: 0))
  }

  @Test func clearTextIsMoreCertainThanAShortAmbiguousOne() {
    let clear = Self.identifier.identify(
      "The committee said that it would publish the report after the elections in the spring.")
    let short = Self.identifier.identify("de la")
    #expect(clear.confidence > 0.8)
    #expect(short.confidence < clear.confidence)
  }
}
