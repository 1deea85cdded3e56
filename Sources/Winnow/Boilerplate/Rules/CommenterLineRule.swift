/// Drops the line that introduces a reader's comment ("3. Keri Peardon says:", "On October 12,
/// 2012 at 10:52 am Qaoileann said:", "Anna schrieb:") and opens a comment zone.
///
/// Why: blogs list comments without a "Comments" header, each under such a line; the seed
/// pages' comment box (seed 000) is the same kind of widget.
struct CommenterLineRule: LineRule {
  let id: RuleID = "builtin.commenter-line"
  let role = LineRole.dropped(.commentWidget)
  let opensZone: BoilerplateKind? = .commentWidget
  static let maxWords = 16

  func matches(_ line: LineContext) -> Bool {
    guard line.wordCount <= Self.maxWords, let last = line.text.unicodeScalars.last,
      last == ":" || last == "："
    else { return false }
    let tokens = line.tokens
    for length in 1...2 where tokens.count > length {
      if line.lexicons.commenterVerb.match(tokens, at: tokens.count - length) == length {
        return true
      }
    }
    return false
  }
}
