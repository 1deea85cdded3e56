import Testing

@testable import Winnow

@Suite struct NormalizeStageTests {
  /// Clean text in many scripts: must come out byte for byte as it went in.
  static let cleanLines: [String] = [
    "The quick brown fox jumps over the lazy dog.",
    "中华人民共和国是一个位于东亚的国家，首都是北京。",
    "日本語の文章です。カタカナとひらがな、漢字を含みます。",
    "한국어 문장입니다. 서울은 대한민국의 수도입니다.",
    "हिन्दी भारत की राजभाषा है। क्षत्रिय, द्वार, श्री, प्रश्न।",
    "বাংলা ভাষা একটি ইন্দো-আর্য ভাষা। ক্ষমা, জ্ঞান।",
    "தமிழ் ஒரு திராவிட மொழி. ஸ்ரீ, க்ஷ.",
    "العربية لغة سامية يتحدثها أكثر من ٤٠٠ مليون شخص.",
    "من می‌خواهم به خانه بروم. کتاب‌ها روی میز است.",
    "עברית היא שפה שמית. שָׁלוֹם עֲלֵיכֶם.",
    "ภาษาไทยเป็นภาษาราชการของประเทศไทย",
    "Русский язык — один из восточнославянских языков. Ёлка, й.",
    "Η ελληνική γλώσσα είναι ινδοευρωπαϊκή. Ἀθῆναι.",
    "Family 👩‍👩‍👧, flags 🇯🇵🇫🇷, tones 👋🏿👋🏻, couple 👩‍❤️‍💋‍👨, keycap 1️⃣.",
    "Ça coûte 5 € – «très» cher… “quotes” ‘single’ • bullets ▲ © ™",
    "Tiếng Việt có dấu: Hà Nội, Đà Nẵng, Huế.",
    "",
  ]

  @Test(arguments: cleanLines) func cleanTextPassesThroughUnchanged(_ line: String) throws {
    let stage = try NormalizeStage(settings: .everything)
    var report = CleaningReport()
    #expect(stage.normalize(line, report: &report) == nil)
    #expect(report.repairs.isEmpty)
  }

  @Test func runKeepsEveryLineAndItsNumber() throws {
    let decoded = DecodedText(
      text: "  a  \n\u{200B}\nb&amp;c\n\u{A0}\n", encoding: "UTF-8", confidence: 1,
      invalidBytes: 0)
    var page = Page(source: "test", decoded: decoded)
    var report = CleaningReport()
    try NormalizeStage(settings: .everything).run(on: &page, report: &report)
    #expect(page.lines.map(\.text) == ["a", "", "b&c", ""])
    #expect(page.lines.map(\.number) == [1, 2, 3, 4])
    #expect(report.repairs == [.whitespace: 3, .invisible: 1, .entities: 1])
  }
}
