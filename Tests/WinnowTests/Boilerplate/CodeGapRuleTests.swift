import Testing

@testable import Winnow

/// `context.code-gap`: between two kept paragraphs of a documentation page, a code block that
/// the content score dropped (no function words, no sentence end) comes back; a share bar or a
/// related headline between two paragraphs of an article, written in capitals, stays dropped,
/// and so do the drops of a cue rule and the lines above the first kept one.
@Suite struct CodeGapRuleTests {
  static let above = "Add the plugin to your build configuration before you start the server."
  static let below = "Then run the build again and open the page in your browser."
  static let code = ["import", "tailwindcss", "from", "'@tailwindcss/vite'", "plugins: [", "]"]
  static let chrome = ["Share on Facebook", "Advertisement", "Read More: Ministers Agree"]

  /// The verdicts of `above`, the gap's lines (dropped by `rule`) and `below`, before and
  /// after the rule.
  static func verdicts(gap: [String], rule: RuleID = ContentScoreRule.id, head: [String] = [])
    -> (before: [Verdict?], after: [Verdict?])
  {
    let lines = head + [above] + gap + [below]
    let dropped = Verdict(role: .dropped(.navigation), rule: rule)
    let kept = Verdict(role: .content, rule: ContentScoreRule.id)
    let before: [Verdict?] =
      head.map { _ in dropped } + [kept] + gap.map { _ in dropped } + [kept]
    var after = before
    let pageLines = lines.enumerated().map { Line(number: $0.offset + 1, text: $0.element) }
    CodeGapRule().apply(to: &after, lines: pageLines)
    return (before, after)
  }

  @Test func codeBetweenKeptParagraphsComesBack() {
    let (before, after) = Self.verdicts(gap: Self.code)
    for index in 1...Self.code.count {
      #expect(after[index] == Verdict(role: .content, rule: CodeGapRule.id))
    }
    #expect(after[0] == before[0])
    #expect(after.last == before.last)
  }

  @Test func capitalizedChromeBetweenParagraphsStaysDropped() {
    let (before, after) = Self.verdicts(gap: Self.chrome)
    #expect(after == before)
  }

  /// Mostly chrome with a word of code: below the share, the gap stays dropped.
  @Test func aGapBelowTheLowercaseShareStaysDropped() {
    let gap = Self.chrome + ["npm"]
    let (before, after) = Self.verdicts(gap: gap)
    #expect(after == before)
  }

  @Test func aCueRulesDropStays() {
    let (before, after) = Self.verdicts(gap: Self.code, rule: "builtin.navigation-words")
    #expect(after == before)
  }

  /// Lowercase script above the first kept line (a page's inline script) is no gap.
  @Test func theHeadAboveTheFirstKeptLineStaysDropped() {
    let (before, after) = Self.verdicts(gap: [], head: ["var ord = Math.random();", "}"])
    #expect(after == before)
  }

  @Test func lowercaseMeansALowercaseLetterNoCapitalNoUncasedAndNoHan() {
    func lowercase(_ text: String) -> Bool { CodeGapRule.Shape(text).isLowercase }
    #expect(lowercase("const p = new person();"))
    #expect(lowercase("return resp;"))
    // A price, a number or a punctuation mark alone is no code.
    #expect(!lowercase("$1,299.00"))
    #expect(!lowercase("}, 1000);"))
    #expect(!lowercase("Share this page"))
    #expect(!lowercase("NEWS"))
    #expect(!lowercase("مرحبا بكم"))
    #expect(!lowercase("新闻 中心"))
  }

  /// Words are runs of letters and digits: punctuation counts none.
  @Test func wordsAreRunsOfLettersAndDigits() {
    #expect(CodeGapRule.Shape("const p = new person(42);").words == 5)
    #expect(CodeGapRule.Shape("}, 1000);").words == 1)
    #expect(CodeGapRule.Shape("@tailwindcss/vite").words == 2)
  }

  /// The Han block's shortcut gives what the property tables give: every scalar of it an
  /// ideograph, a letter without case, a word of its own.
  @Test func theHanBlockIsIdeographsWithoutCase() {
    for value in UInt32(0x4E00)...0x9FFF {
      let properties = Unicode.Scalar(value)!.properties
      #expect(properties.isIdeographic && properties.isAlphabetic && !properties.isLowercase)
    }
    #expect(CodeGapRule.Shape("新闻中心 abc").words == 5)
    #expect(!CodeGapRule.Shape("新 abc").isLowercase)
  }
}
