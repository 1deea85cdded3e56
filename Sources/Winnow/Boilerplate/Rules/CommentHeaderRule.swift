/// Drops "Comments", "12 Kommentare", "评论" headers and opens a comment zone, which runs to the
/// end of the page: comments are paragraphs of text, so no block of text closes the zone.
///
/// Why: the reader comments under an article are not the article (seed 000 ends in a comment
/// box; news pages in every language head that box with a word like these).
struct CommentHeaderRule: LineRule {
  var id: RuleID { "builtin.comment-header" }
  let role = LineRole.dropped(.commentWidget)
  let opensZone: BoilerplateKind? = .commentWidget

  /// A bulleted "* Comments" is a menu or share-bar item, not the head of a comment section.
  /// "23 comments to Instagramming Iceland" heads the section too.
  func matches(_ line: LineContext) -> Bool {
    guard !line.startsWithBullet else { return false }
    let cues = line.lexicons.commentHeader
    guard cues.mayOccur(in: line) else { return false }
    if cues.covers(line.tokens) { return true }
    let tokens = line.tokens
    return tokens.count >= 3 && line.wordCount <= Self.maxWords && tokens[0].isNumber
      && cues.match(tokens, at: 1) > 0 && Self.joiners.contains(tokens[2].hash)
  }

  static let maxWords = 12
  static let joiners = Set(["to", "on", "for", "zu", "sur", "en", "a", "su", "к"].map(Token.hash))
}
