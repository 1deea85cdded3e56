import Foundation
import Testing

@testable import Winnow

@Suite struct NgramLanguageModelTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var language: String
    var text: Substring
    var testDescription: String { language }
  }

  static let sentences: [Case] = [
    .init(
      language: "en",
      text: "The weather was unusually warm for November, so we walked along the river."),
    .init(
      language: "de",
      text: "Gestern haben wir im Garten gearbeitet und danach einen langen Spaziergang gemacht."),
    .init(
      language: "fr",
      text: "Nous avons passé toute la soirée à discuter de nos projets pour les vacances."),
    .init(
      language: "es",
      text: "Mañana por la mañana iremos al mercado para comprar frutas y verduras frescas."),
    .init(
      language: "it",
      text: "La biblioteca comunale resterà chiusa per lavori fino alla fine del mese prossimo."),
    .init(
      language: "pt",
      text: "O comboio das oito chegou atrasado porque houve um problema perto da estação."),
    .init(
      language: "nl",
      text: "Het was een drukke week op kantoor, maar vrijdagmiddag gingen we samen iets drinken."),
    .init(
      language: "pl",
      text: "Wczoraj wieczorem oglądaliśmy stary film, a potem długo rozmawialiśmy o dzieciństwie."),
    .init(
      language: "ru", text: "Вчера вечером мы долго гуляли по парку и разговаривали о будущем."),
    .init(
      language: "uk", text: "Наступного тижня ми поїдемо до бабусі в село, де вона вирощує яблука."),
    .init(language: "el", text: "Το καλοκαίρι πηγαίνουμε συχνά στη θάλασσα με τους φίλους μας."),
    .init(
      language: "tr", text: "Dün akşam arkadaşlarımla birlikte yeni açılan restoranda yemek yedik."),
    .init(language: "fi", text: "Kävimme viime kesänä mökillä ja uimme järvessä joka päivä."),
    .init(
      language: "sv",
      text: "Vi åkte till landet i helgen och plockade svamp i skogen hela lördagen."),
    .init(language: "hu", text: "A múlt héten a barátaimmal kirándulni mentünk a hegyekbe."),
    .init(language: "ar", text: "ذهبنا أمس إلى السوق لشراء الخضروات والفواكه الطازجة."),
    .init(language: "hi", text: "कल शाम हम सब दोस्त मिलकर पार्क में घूमने गए थे।"),
    .init(language: "ja", text: "昨日は友達と一緒に新しいレストランで晩ご飯を食べました。"),
    .init(language: "zh", text: "我们昨天下午去公园散步，天气非常好，大家都很开心。"),
    .init(language: "ko", text: "어제 저녁에 친구들과 함께 새로 생긴 식당에 갔습니다."),
  ]

  @Test func bundledModelLoadsAllLanguages() {
    let model = NgramLanguageModel.bundled
    #expect(model.languages.count == 75)
    #expect(model.languages.contains("de"))
    #expect(model.languages.contains("zh"))
  }

  @Test func modelFileLoadsLikeTheBundledCopy() throws {
    let file = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().appendingPathComponent("../../../../Sources/CWinnowLangModel")
      .appendingPathComponent("langid.bin").standardizedFileURL
    let model = try NgramLanguageModel(contentsOf: file)
    #expect(model.languages == NgramLanguageModel.bundled.languages)
    let text: Substring = "Het was een drukke week op kantoor."
    let candidates = ModelScriptTable.candidates(forScript: "Latin")
    #expect(
      model.rank(text, candidates: candidates)
        == NgramLanguageModel.bundled.rank(text, candidates: candidates))
  }

  @Test(arguments: sentences)
  func identifiesTypicalSentences(_ sentence: Case) throws {
    let script = try #require(ModelScriptTable.dominantScript(of: sentence.text))
    let candidates = ModelScriptTable.candidates(forScript: script)
    #expect(
      NgramLanguageModel.bundled.best(sentence.text, candidates: candidates) == sentence.language)
    #expect(NgramLanguageModel.bundled.identify(sentence.text) == sentence.language)
  }

  @Test func ranksOnlyTheGivenCandidatesAndDropsUnknownCodes() {
    let model = NgramLanguageModel.bundled
    let text: Substring = "Gestern haben wir im Garten gearbeitet."
    let ranked = model.rank(text, candidates: ["fr", "en", "xx"])
    #expect(Set(ranked.map(\.language)) == ["fr", "en"])
    #expect(ranked[0].score >= ranked[1].score)
    #expect(model.rank(text, candidates: ["de", "en"]).first?.language == "de")
    #expect(model.rank(text, candidates: []).isEmpty)
    #expect(model.rank(text, candidates: ["en", "en", "de"]).map(\.language) == ["de", "en"])
    #expect(model.rank("1234 !!", candidates: ["de", "en"]).isEmpty)
  }

  @Test func candidatesFollowTheScript() {
    #expect(ModelScriptTable.candidates(forScript: "Cyrillic").contains("ru"))
    #expect(!ModelScriptTable.candidates(forScript: "Cyrillic").contains("en"))
    #expect(ModelScriptTable.candidates(forScript: "Han") == ["ja", "zh"])
    #expect(ModelScriptTable.candidates(forScript: "Ethiopic").isEmpty)
    #expect(ModelScriptTable.dominantScript(of: "Москва is big, very big") == "Latin")
    #expect(ModelScriptTable.dominantScript(of: "Москва – столица") == "Cyrillic")
    #expect(ModelScriptTable.dominantScript(of: "12 + 30 = 42") == nil)
    #expect(NgramLanguageModel.bundled.identify("12 + 30 = 42") == nil)
    #expect(NgramLanguageModel.bundled.candidateSet(forScript: "Ethiopic").indices.isEmpty)
  }

  @Test func lettersOfCapitalizedWordsCountHalf() throws {
    let model = NgramLanguageModel.bundled
    func mean(_ text: Substring) throws -> Double {
      try #require(model.rank(text, candidates: ["en"]).first).score
    }
    let lowercase = try mean("weather")
    let name = try mean("london")
    // A word alone has the same mean whatever its weight.
    #expect(abs(try mean("London") - name) < 1e-9)
    let weight = NgramLanguageModel.capitalizedWordWeight
    let expected = (7 * lowercase + weight * 6 * name) / (7 + weight * 6)
    #expect(abs(try mean("weather London") - expected) < 1e-9)
    #expect(abs(try mean("weather london") - (7 * lowercase + 6 * name) / 13) < 1e-9)
  }

  @Test func everyLanguageOfTheModelHasAScript() {
    let listed = Set(ModelScriptTable.languagesByScript.values.joined())
    #expect(listed == Set(NgramLanguageModel.bundled.languages))
  }
}
