/// Takes bylines out of the text into the record's `byline`: "by AFP Staff Writers",
/// "Von Anna Müller", "记者：张三", "بقلم: أحمد علي".
///
/// Why: seed 002 line 5. A byline is short, opens with a byline word and goes on with a name
/// (a capitalized word, or Han, Arabic or Devanagari after a separator), so "By the end of
/// the year" stays text.
struct BylineRule: LineRule {
  var id: RuleID { "builtin.byline" }
  let role = LineRole.byline
  static let maxTokens = 12
  static let separators: Set<Unicode.Scalar> = [":", "：", "/", "／", "|", "丨"]

  func matches(_ line: LineContext) -> Bool {
    let tokens = line.tokens
    guard tokens.count <= Self.maxTokens, !line.endsSentence || tokens.count <= 5 else {
      return false
    }
    guard line.lexicons.bylinePrefix.mayOccur(in: line) else { return false }
    let prefix = line.lexicons.bylinePrefix.match(tokens, at: 0)
    guard prefix > 0, prefix < tokens.count else { return false }
    let name = tokens[prefix]
    // Han, Arabic or Devanagari names have no capital to show them: a separator must.
    if name.isCJK || name.isUncased {
      return line.text.unicodeScalars.contains { Self.separators.contains($0) }
    }
    return name.isCapitalized && !name.isNumber
  }
}
