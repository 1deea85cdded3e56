/// Drops lines with no letter or digit at all ("|", ". . .", "—").
///
/// Why: scrapers keep separators and stray ellipses as lines of their own (seed 001 has ". . ."
/// inside a sentence; alone on a line it carries no text).
struct PunctuationOnlyRule: LineRule {
  var id: RuleID { "builtin.punctuation-only" }
  let role = LineRole.dropped(.junk)

  func matches(_ line: LineContext) -> Bool { line.tokens.isEmpty }
}
