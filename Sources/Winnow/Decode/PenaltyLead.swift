/// Sibling code pages (windows-1253 and ISO-8859-7, ISO-8859-13 and ISO-8859-1, ISO-8859-15
/// and ISO-8859-1) read most bytes alike and differ in a few: where one decoding of a sample
/// has as many scalars as another and differs from it in only some of its non-ASCII scalars,
/// the penalty points one has more than the other come from the bytes where their tables
/// differ: `’νοιξε` against `Άνοιξε`, `´Eks` against `“Eks`. A lead of a few points is
/// evidence however much shared ASCII dilutes it per scalar on a long page, and outweighs
/// ICU's preference, which is about that shared ASCII. Decodings that differ in most non-ASCII
/// scalars (Hebrew read as KOI8-R capitals, Norwegian `ø` as Czech `ř`) are not siblings:
/// their penalty points count per scalar, with ICU's doubt, as before.
enum PenaltyLead {
  /// Penalty points fewer over the sample that make a sibling win: chosen on one half of the
  /// detection sets (docs/text.md); 1 did as well on long pages and worse on short ones, 3
  /// worse on long pages.
  static let points = 2
  /// The share of the non-ASCII scalars two siblings may read differently, at most.
  static let siblingShare = 0.25

  /// The sibling of the incumbent with the fewest penalty points, at least `points` fewer
  /// than the incumbent's (the first of equals), or the incumbent.
  static func cleanest(_ decodings: [EncodingRanker.Decoding], incumbent: Int) -> Int {
    let leader = decodings[incumbent]
    var cleanest = incumbent
    // Points a winner must stay under: `points` fewer than the incumbent's, then fewer than
    // the best so far.
    var bound = leader.penalty - points + 1
    for (index, decoding) in decodings.enumerated()
    where decoding.scalars == leader.scalars && decoding.penalty < bound
      && areSiblings(leader.text, decoding.text)
    {
      (cleanest, bound) = (index, decoding.penalty)
    }
    return cleanest
  }

  /// Two decodings with as many scalars that differ in at most `siblingShare` of the first
  /// one's non-ASCII scalars.
  static func areSiblings(_ first: String, _ second: String) -> Bool {
    var (nonASCII, differing) = (0, 0)
    for (scalar, other) in zip(first.unicodeScalars, second.unicodeScalars) where !scalar.isASCII {
      nonASCII += 1
      differing += scalar == other ? 0 : 1
    }
    return Double(differing) <= siblingShare * Double(nonASCII)
  }
}
