/// Drops short subscription and newsletter promotions ("Subscribe Free To Our Daily
/// Newsletters").
///
/// Why: seed 002 lines 101 and 177.
struct PromoRule: LineRule {
  var id: RuleID { "builtin.promo" }
  let role = LineRole.dropped(.promo)
  /// Longer lines are prose that happens to mention subscribing.
  static let maxWords = 15

  func matches(_ line: LineContext) -> Bool {
    line.wordCount <= Self.maxWords && line.lexicons.promo.occurs(in: line)
  }
}
