/// Drops engagement counters: numbers alone or with counter words ("273 0 0", "1,204 views").
///
/// Why: seed 000 line 5, the like/view/comment widget under the headline.
struct CounterRule: LineRule {
  var id: RuleID { "builtin.counter" }
  let role = LineRole.dropped(.counter)
  /// A counter widget is a handful of numbers, not a table.
  static let maxTokens = 8

  func matches(_ line: LineContext) -> Bool {
    guard line.tokens.count <= Self.maxTokens, line.tokens.contains(where: \.isNumber) else {
      return false
    }
    return line.tokens.allSatisfy(\.isNumber) || line.lexicons.counter.covers(line)
  }
}
