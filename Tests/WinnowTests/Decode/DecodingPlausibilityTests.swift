import Testing

@testable import Winnow

/// The signs of a wrong decoding, each against the right decoding of the same bytes.
@Suite struct DecodingPlausibilityTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var right: String
    var wrong: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "windows-1251 read as x-mac-cyrillic: Serbian and Macedonian letters beside ы",
      right: "Москва — столица России, а Санкт-Петербург называют северной столицей.",
      wrong: "ћосква Ч столица –оссии, а —анкт-ѕетербург называют северной столицей."),
    Case(
      name: "ISO-8859-15's Š read as Latin-1's ¦, a symbol before a letter",
      right: "Šibenik je grad u Dalmaciji.", wrong: "¦ibenik je grad u Dalmaciji."),
    Case(
      name: "windows-1253's Ά read as ISO-8859-7's ’ opening a word",
      right: "Άνοιξε η νέα βιβλιοθήκη της πόλης.", wrong: "’νοιξε η νέα βιβλιοθήκη της πόλης."),
    Case(
      name: "ISO-8859-16's ș read as Latin-1's º before a letter",
      right: "Președintele a spus că școala și țara", wrong: "Preºedintele a spus cã ºcoala ºi þara"
    ),
    Case(
      name: "Thai read as half-width katakana",
      right: "สวัสดีครับ ราคาน้ำมัน", wrong: "ﾊﾇﾑﾊｴﾕ､ﾃﾑｺ ﾃﾒ､ﾒｹ鰌ﾁﾑｹ"),
    Case(
      name: "Thai read as GB18030: well-formed but rare Han",
      right: "กลุ่มนิเทศติดตามและประเมินผล", wrong: "∨罔凉脏啡翟吹伊崤谢眯嗔怨寂"),
    Case(
      name: "Korean read as GB18030",
      right: "배신과 음모의 구태 정치와 절연하고", wrong: "硅脚苞 澜葛狼 备怕 沥摹客 例楷窍绊"),
  ]

  @Test(arguments: cases) func wrongDecodingScoresWorse(_ testCase: Case) {
    let right = DecodingPlausibility(testCase.right)
    let wrong = DecodingPlausibility(testCase.wrong)
    #expect(right.rate < wrong.rate)
  }

  @Test(arguments: [
    "Nº 5 e 1ª edição", "中国的经济发展很快，人们的生活越来越好。",
    "Noreg støtta òg SN-styrkane", "清々しい香り・・・。", "¿Qué? 25 °C «bon» it’s",
  ])
  func rightTextHasNoPenalty(_ text: String) {
    #expect(DecodingPlausibility(text).penalty == 0)
  }
}
