import Testing

@testable import Winnow

/// `context.customer-reviews`: below a reviews header that follows a buy button, kept lines in
/// the first person go; the description under a "Reviews" tab title, a header above the buy
/// button (a menu entry) and pages with no buy button stay as they were.
@Suite struct CustomerReviewsRuleTests {
  static let description =
    "The SM7dB keeps the smooth, flat response of the SM7B and adds a built-in preamp with "
    + "up to 28 dB of clean gain for podcasts and vocals."
  static let review =
    "I have been using my SM7dB almost daily since it arrived, and the build quality is "
    + "matched by the sound it captures."
  static let germanReview =
    "Ich habe das Mikrofon seit drei Wochen im Einsatz und bin mit dem Klang sehr zufrieden."

  static let kept = Verdict(role: .content, rule: "test.kept")
  static let menu = Verdict(role: .dropped(.navigation), rule: "test.menu")
  static let gone = Verdict(role: .dropped(.commentWidget), rule: CustomerReviewsRule.id)

  /// Each line with its verdict before the rule; nil is a blank line.
  static func apply(_ page: [(String, Verdict?)?]) -> (before: [Verdict?], after: [Verdict?]) {
    let before = page.map { $0?.1 }
    var after = before
    let lines = page.map { $0.map { LineContext($0.0, lexicons: .builtIn) } }
    CustomerReviewsRule().apply(to: &after, lines: lines)
    return (before, after)
  }

  @Test func reviewsBelowTheHeaderGo() {
    let page: [(String, Verdict?)?] = [
      ("Shure SM7dB Dynamic Microphone", Verdict(role: .title, rule: "test.title")),
      ("Add to Cart", Self.menu),
      (Self.description, Self.kept),
      nil,
      ("18 Reviews", Self.menu),
      ("Excellent Microphone", Self.kept),
      (Self.review, Self.kept),
      ("by Vaughn on October 25, 2023", Self.kept),
      (Self.germanReview, nil),
      (Self.description, Self.kept),
    ]
    let (before, after) = Self.apply(page)
    #expect(after[6] == Self.gone)
    #expect(after[8] == Self.gone)
    // The description above and below, the review's title and byline keep their verdicts.
    for index in page.indices where ![6, 8].contains(index) {
      #expect(after[index] == before[index])
    }
  }

  @Test func aHeaderAboveTheBuyButtonIsAMenuEntry() {
    let page: [(String, Verdict?)?] = [
      ("Reviews", Self.menu),
      ("Buy now", Self.menu),
      (Self.review, Self.kept),
    ]
    let (before, after) = Self.apply(page)
    #expect(after == before)
  }

  @Test func withoutABuyButtonNothingChanges() {
    let page: [(String, Verdict?)?] = [
      ("Customer Reviews", Self.menu),
      (Self.review, Self.kept),
      (Self.germanReview, Self.kept),
    ]
    let (before, after) = Self.apply(page)
    #expect(after == before)
  }

  @Test func aListedTabTitleOrALongLineIsNoHeader() {
    #expect(CustomerReviewsRule.isHeader(LineContext("4.9 358 reviews", lexicons: .builtIn)))
    #expect(CustomerReviewsRule.isHeader(LineContext("Write a Review", lexicons: .builtIn)))
    #expect(!CustomerReviewsRule.isHeader(LineContext("* Reviews", lexicons: .builtIn)))
    #expect(
      !CustomerReviewsRule.isHeader(
        LineContext("Reviews of the best microphones for podcasts", lexicons: .builtIn)))
    #expect(
      CustomerReviewsRule.isBuyButton(LineContext("Add to Cart Sold out", lexicons: .builtIn)))
    #expect(
      !CustomerReviewsRule.isBuyButton(
        LineContext(
          "Buy now while stocks last, the offer ends on Sunday at midnight", lexicons: .builtIn)))
  }
}
