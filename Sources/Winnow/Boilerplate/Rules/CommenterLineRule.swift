/// Drops the line that introduces a reader's comment ("3. Keri Peardon says:", "On October 12,
/// 2012 at 10:52 am Qaoileann said:", "Anna schrieb:") and opens a comment zone.
///
/// Why: blogs list comments without a "Comments" header, each under such a line; the seed
/// pages' comment box (seed 000) is the same kind of widget.
struct CommenterLineRule: LineRule {
  var id: RuleID { "builtin.commenter-line" }
  let role = LineRole.dropped(.commentWidget)
  let opensZone: BoilerplateKind? = .commentWidget
  static let maxWords = 16

  func matches(_ line: LineContext) -> Bool {
    // ":" ends in 0x3A, "：" (EF BC 9A) in 0x9A: the last byte rules out most lines.
    guard line.wordCount <= Self.maxWords, line.lastByte == 0x3A || line.lastByte == 0x9A,
      line.lexicons.commenterVerb.mayOccur(in: line), let last = line.text.unicodeScalars.last,
      last == ":" || last == "："
    else { return false }
    let tokens = line.tokens
    for length in 1...2 where tokens.count > length {
      let verb = tokens.count - length
      if line.lexicons.commenterVerb.match(tokens, at: verb) == length {
        return Self.isNameAndDate(tokens[..<verb], lexicons: line.lexicons)
      }
    }
    return false
  }

  /// Before the verb come only a name (capitalized words, a handle), numbers and date words:
  /// "About Halloween, she writes:" introduces a quotation, not a comment.
  static func isNameAndDate(_ tokens: ArraySlice<Token>, lexicons: Lexicons) -> Bool {
    let all = Array(tokens)
    var index = 0
    while index < all.count {
      let dateWords = lexicons.dateWords.match(all, at: index)
      if dateWords > 0 {
        index += dateWords
        continue
      }
      let token = all[index]
      guard token.isNumber || token.isCapitalized || token.isAllCaps || token.isCJK else {
        return false
      }
      index += 1
    }
    return true
  }
}
