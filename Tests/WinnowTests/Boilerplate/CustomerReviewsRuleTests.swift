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

  static let gone = Verdict(role: .dropped(.commentWidget), rule: CustomerReviewsRule.id)

  /// Each line with its verdict before the rule; nil is a blank line.
  static func apply(_ page: [(String, Verdict?)?]) -> (before: [Verdict?], after: [Verdict?]) {
    RevisedPage.revise(page) { CustomerReviewsRule().apply(to: &$0, lines: $1) }
  }

  @Test func reviewsBelowTheHeaderGo() {
    let page: [(String, Verdict?)?] = [
      ("Shure SM7dB Dynamic Microphone", Verdict(role: .title, rule: "test.title")),
      ("Add to Cart", RevisedPage.menu),
      (Self.description, RevisedPage.kept),
      nil,
      ("18 Reviews", RevisedPage.menu),
      ("Excellent Microphone", RevisedPage.kept),
      (Self.review, RevisedPage.kept),
      ("by Vaughn on October 25, 2023", RevisedPage.kept),
      (Self.germanReview, nil),
      (Self.description, RevisedPage.kept),
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
      ("Reviews", RevisedPage.menu),
      ("Buy now", RevisedPage.menu),
      (Self.review, RevisedPage.kept),
    ]
    let (before, after) = Self.apply(page)
    #expect(after == before)
  }

  @Test func withoutABuyButtonNothingChanges() {
    let page: [(String, Verdict?)?] = [
      ("Customer Reviews", RevisedPage.menu),
      (Self.review, RevisedPage.kept),
      (Self.germanReview, RevisedPage.kept),
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
