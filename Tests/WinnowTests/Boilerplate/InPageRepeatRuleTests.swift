import Testing

@testable import Winnow

/// `context.in-page-repeat`: a kept line that repeats an earlier kept line in another block of
/// kept text goes, and so does a paragraph repeated anywhere; the first copy stays. A short
/// line repeated inside one block, short fields and lines already dropped stay as they were.
@Suite struct InPageRepeatRuleTests {
  static let description =
    "The staple tee: a regular fit in mid weight combed cotton, with neck ribbing, side seams "
    + "and double needle hems. It is a timeless choice for comfort and style."
  static let fabric = "Mid weight, 5.3 oz, 100% combed cotton (heathers 15% viscose)"

  /// Each line with its verdict before the rule; nil is a blank line.
  static func apply(_ page: [(String, Verdict)?]) -> (before: [Verdict?], after: [Verdict?]) {
    let before = page.map { $0?.1 }
    var after = before
    let lines = page.map { $0.map { LineContext($0.0, lexicons: .builtIn) } }
    InPageRepeatRule().apply(to: &after, lines: lines)
    return (before, after)
  }

  static let kept = Verdict(role: .content, rule: "test.kept")
  static let menu = Verdict(role: .dropped(.navigation), rule: "test.menu")

  @Test func aSecondCopyInAnotherBlockGoes() {
    let page: [(String, Verdict)?] = [
      ("Staple Tee", Verdict(role: .title, rule: "test.title")),
      (Self.description, Self.kept),
      (Self.fabric, Self.kept),
      nil,
      ("In stock", Self.kept),
      ("Men", Self.menu),
      ("Women", Self.menu),
      (Self.description.uppercased(), Self.kept),
      (Self.fabric + ".", Self.kept),
      ("In stock", Self.kept),
    ]
    let (before, after) = Self.apply(page)
    for index in [7, 8] {
      #expect(after[index] == Verdict(role: .dropped(.widget), rule: InPageRepeatRule.id))
    }
    // The first copies, the short field and everything else keep their verdicts.
    for index in page.indices where ![7, 8].contains(index) {
      #expect(after[index] == before[index])
    }
  }

  @Test func insideOneBlockOnlyAParagraphIsACopy() {
    let page: [(String, Verdict)?] = [
      (Self.description, Self.kept),
      (Self.fabric, Self.kept),
      nil,
      (Self.fabric, Self.kept),
      (Self.description, Self.kept),
      ("Men", Self.menu),
      (Self.fabric, Self.menu),
    ]
    #expect(
      LineContext(Self.description, lexicons: .builtIn).tokens.count
        >= InPageRepeatRule.paragraphTokens)
    #expect(
      LineContext(Self.fabric, lexicons: .builtIn).tokens.count
        < InPageRepeatRule.paragraphTokens)
    let (before, after) = Self.apply(page)
    #expect(after[4] == Verdict(role: .dropped(.widget), rule: InPageRepeatRule.id))
    for index in page.indices where index != 4 {
      #expect(after[index] == before[index])
    }
  }

  @Test func linesOfOtherNumbersAreNotCopies() {
    let page: [(String, Verdict)?] = [
      ("Rated 4.7 out of 5 stars by 120 buyers", Self.kept),
      ("Men", Self.menu),
      ("Rated 4.8 out of 5 stars by 120 buyers", Self.kept),
    ]
    let (before, after) = Self.apply(page)
    #expect(after == before)
  }
}
