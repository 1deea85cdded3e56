/// On a page called items or a forum, a kept line that repeats an earlier kept line of the
/// same page, in another block of kept text (a dropped line lies between the two copies),
/// is a second copy: the same description in a product page's tab and its mobile view, a
/// post quoted in a reply, a shop's blurb under the grid and again in its footer. The later
/// copies go, under this rule's id; the first stays. Lines are compared by their tokens
/// (case-folded words, numbers as written; punctuation and spacing aside), and only lines of
/// `minimumTokens` or more count.
///
/// Why: the record should hold a paragraph once, and the pages of these kinds repeat theirs
/// (issue 13: product, collection and forum pages lose precision to text kept twice). A
/// repeat inside one unbroken block of kept text stays: there the page itself says it twice
/// (a poem's refrain, a report printed twice), and so did the hand-labelled news sources'
/// gold. On pages called prose the rule does not run: documentation repeats its code lines
/// and table headers, and the gold of news sources keeps pages printed twice.
struct InPageRepeatRule {
  static let id: RuleID = "context.in-page-repeat"

  /// A line this long, in tokens, can be a second copy (shorter ones are fields that repeat
  /// from item to item: "Add to Cart", "In stock").
  static let minimumTokens = 3

  func apply(to verdicts: inout [Verdict?], lines: [LineContext?]) {
    // Each kept line's key and its block of kept text, sorted so that the copies of a line
    // lie next to each other, first copy first; no line's text is copied.
    var kept: [(key: UInt64, index: Int, block: Int)] = []
    var block = 0
    for index in lines.indices {
      guard let line = lines[index] else { continue }
      switch verdicts[index]?.role {
      case .dropped?: block += 1
      case let role? where !role.isKept: continue
      default:
        if line.tokens.count >= Self.minimumTokens {
          kept.append((line.tokensKey, index, block))
        }
      }
    }
    kept.sort { ($0.key, $0.index) < ($1.key, $1.index) }
    var first = 0
    for position in kept.indices {
      if kept[position].key != kept[first].key {
        first = position
      } else if kept[position].block != kept[first].block {
        verdicts[kept[position].index] = Verdict(role: .dropped(.widget), rule: Self.id)
      }
    }
  }
}
