/// On a page that sells something, the customers' reviews are not the product's description:
/// below the first reviews header ("Customer Reviews", "18 reviews", "Write a review") that
/// follows the page's first buy button ("Add to cart", "Buy now"), a kept line of
/// `minimumTokens` or more in the first person singular ("I", "my", "ich", "je") is a
/// review and goes, under this rule's id (kind comment widget). Everything else below the
/// header keeps its verdict: a description, its specifications and FAQ under a "Reviews" tab
/// title speak of the product, not of the buyer.
///
/// Why: product pages lose precision to long kept prose (issue 13: 0.50 precision out of
/// source), and the reviews under the description are the one kind of it with a shape of
/// its own (wcxb-dev-2894, Sweetwater: 18 reviews of "I have been using my Shure SM7dB",
/// kept as article; the gold of a product page keeps the description and specifications).
/// The buy button is the page's kind: 55 of 80 dev product pages have one, 7 of 705 articles
/// and no news page of nine sources. A header above the buy button is a menu entry (an
/// article reviewing a product under a "Reviews" menu, wcxb-dev-4674), and a line without
/// the first person under the header is the description under its tab title.
struct CustomerReviewsRule {
  static let id: RuleID = "context.customer-reviews"

  /// A buy button is a short line: "Add to cart", "Add to Cart Sold out".
  static let buyButtonTokens = 8
  /// A reviews header has at most this many words besides its numbers ("4.9 358 reviews").
  static let headerWords = 5
  /// A review line this long, in tokens, goes; shorter ones (a reviewer's name, "I agree")
  /// stay as they were.
  static let minimumTokens = 8

  func apply(to verdicts: inout [Verdict?], lines: [LineContext?]) {
    guard let buyButton = lines.firstIndex(where: { $0.map(Self.isBuyButton) ?? false }),
      let header = lines[(buyButton + 1)...].firstIndex(where: { $0.map(Self.isHeader) ?? false })
    else { return }
    for index in (header + 1)..<lines.count {
      guard let line = lines[index], line.tokens.count >= Self.minimumTokens,
        verdicts[index].map({ $0.role.isKept }) ?? true,
        line.lexicons.firstPerson.occurs(in: line)
      else { continue }
      verdicts[index] = Verdict(role: .dropped(.commentWidget), rule: Self.id)
    }
  }

  static func isBuyButton(_ line: LineContext) -> Bool {
    line.tokens.count <= buyButtonTokens && line.lexicons.buyButton.starts(line)
  }

  /// A reviews header: not a list item (a menu's "* Reviews"), its words few and all the
  /// lexicon's.
  static func isHeader(_ line: LineContext) -> Bool {
    !line.startsWithBullet && line.tokens.count - Int(line.numberTokens) <= headerWords
      && line.lexicons.reviewHeader.covers(line, allowingNumbers: true)
  }
}
