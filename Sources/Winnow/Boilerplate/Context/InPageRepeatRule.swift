/// On a page called items or a forum, a kept line that repeats an earlier kept line of the
/// same page is a second copy (the same description in a product page's tab and its mobile
/// view, a post quoted in a reply, a shop's blurb under the grid and again in its footer)
/// when a dropped line lies between the two, so that they stand in two blocks of kept text,
/// or when it is a paragraph of `paragraphTokens` or more. The later copies go, under this
/// rule's id; the first stays. Lines are compared by their tokens (case-folded words, numbers
/// as written; punctuation and spacing aside), and only lines of `minimumTokens` or more count.
///
/// Why: the record should hold a paragraph once, and pages of these kinds repeat theirs
/// (issue 13: product, collection and forum pages lose precision to text kept twice). Item
/// fields repeat too ("4.7 out of 5 stars", a coupon's terms under each offer) and the gold
/// keeps each: they are short and stand inside the grid's one block of kept text. On pages
/// called prose the rule does not run: documentation repeats code lines, table headers and
/// parameter descriptions, and the gold of the hand-labelled news sources keeps a page printed
/// twice.
struct InPageRepeatRule {
  static let id: RuleID = "context.in-page-repeat"

  /// A line this long, in tokens, can be a second copy (shorter ones are fields that repeat
  /// from item to item: "Add to Cart", "In stock").
  static let minimumTokens = 3
  /// A line this long, in tokens, is a second copy even inside the first one's block.
  static let paragraphTokens = 20

  func apply(to verdicts: inout [Verdict?], lines: [LineContext?]) {
    // Each kept line's key and its block of kept text, sorted so that the copies of a line
    // lie next to each other, first copy first; no line's text is copied.
    var kept: [(key: UInt64, index: Int, block: Int, isParagraph: Bool)] = []
    var block = 0
    for index in lines.indices {
      guard let line = lines[index] else { continue }
      switch verdicts[index]?.role {
      case .dropped?: block += 1
      case let role? where !role.isKept: continue
      default:
        if line.tokens.count >= Self.minimumTokens {
          let isParagraph = line.tokens.count >= Self.paragraphTokens
          kept.append((line.tokensKey, index, block, isParagraph))
        }
      }
    }
    kept.sort { ($0.key, $0.index) < ($1.key, $1.index) }
    var first = 0
    for position in kept.indices {
      if position == 0 || kept[position].key != kept[first].key {
        first = position
      } else if kept[position].isParagraph || kept[position].block != kept[first].block {
        verdicts[kept[position].index] = Verdict(role: .dropped(.widget), rule: Self.id)
      }
    }
  }
}
