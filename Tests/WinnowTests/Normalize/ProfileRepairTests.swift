import Testing

@testable import Winnow

/// The switchable rules of `normalize.punctuation` and `normalize.form: nfkc`.
@Suite struct ProfileRepairTests {
  static func settings(form: NormalizationForm = .nfc, keep: String = "") -> NormalizeSettings {
    var settings = NormalizeSettings.everything
    settings.form = form
    settings.nfkcKeep = keep
    settings.punctuation = .allOn
    return settings
  }

  static let punctuationCases: [RepairCase] = [
    RepairCase("curly quotes", "“Hi,” she said, ‘ok’", "\"Hi,\" she said, 'ok'", .punctuation, 4),
    RepairCase("low quotes", "„Ja‟ und ‚nein‛", "\"Ja\" und 'nein'", .punctuation, 4),
    RepairCase("dashes and minus", "2010–2020 — x−1", "2010-2020 - x-1", .punctuation, 3),
    RepairCase("ellipsis", "wait… what", "wait... what", .punctuation, 1),
    RepairCase("space before comma and bang", "Hello , world !", "Hello, world!", .punctuation, 2),
    RepairCase("space before closing paren", "(see this )", "(see this)", .punctuation, 1),
    RepairCase(
      "full-width Latin word", "Ｗｉｎｄｏｗｓ １０ is here", "Windows 10 is here", .normalization, 9),
  ]

  @Test(arguments: punctuationCases) func rewrites(_ row: RepairCase) throws {
    let (text, repairs) = try normalizeLine(row.input, settings: Self.settings())
    #expect(Array(text.unicodeScalars) == Array(row.output.unicodeScalars))
    #expect(repairs[row.kind] == row.count)
  }

  @Test(arguments: [
    "costs .5 now", "nice :) yes", "see .NET today", "我用Ｗｉｎｄｏｗｓ系统", "ＡＢＣ", "«Bonjour» dit-il",
  ])
  func leavesAlone(_ line: String) throws {
    let (text, repairs) = try normalizeLine(line, settings: Self.settings())
    #expect(text == line)
    #expect(repairs.isEmpty)
  }

  @Test func everyRuleIsOffByDefault() throws {
    let line = "“Quotes” — dashes… Ｗｉｎｄｏｗｓ , ﬁne"
    let (text, repairs) = try normalizeLine(line)
    #expect(text == line)
    #expect(repairs.isEmpty)
  }

  static let compatibilityCases: [RepairCase] = [
    RepairCase("ligature and superscript", "ﬁne x²", "fine x2", .normalization, 1),
    RepairCase("unit square", "5 ㎏ net", "5 kg net", .normalization, 1),
    RepairCase("half-width katakana", "ｶﾀｶﾅ。", "カタカナ。", .normalization, 1),
    RepairCase("full-width letters beside CJK", "用Ｗｉｎ，好", "用Win，好", .normalization, 1),
  ]

  @Test(arguments: compatibilityCases) func compatibilityComposes(_ row: RepairCase) throws {
    let (text, repairs) = try normalizeLine(row.input, settings: Self.settings(form: .nfkc))
    #expect(Array(text.unicodeScalars) == Array(row.output.unicodeScalars))
    #expect(repairs[row.kind] == row.count)
  }

  @Test(arguments: [
    "你好，世界！「测试」：（一）；完？", "ＯＫ？ 全角、半角。", "Thumbs 👍🏽 and 👨‍👩‍👧 ™ ℹ️",
    "中文\u{3000}文本",
  ])
  func compatibilityKeepsExceptions(_ line: String) throws {
    var settings = Self.settings(form: .nfkc)
    settings.punctuation = .allOff
    let (text, _) = try normalizeLine(line, settings: settings)
    let expectedLetters = line.replacingOccurrences(of: "ＯＫ", with: "OK")
    #expect(text == expectedLetters)
  }

  @Test func compatibilityKeepsTheConfigList() throws {
    var settings = Self.settings(form: .nfkc, keep: "½")
    settings.punctuation = .allOff
    let (text, _) = try normalizeLine("½ cup ﬁlled", settings: settings)
    #expect(text == "½ cup filled")
  }
}
