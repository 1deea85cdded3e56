/// Drops "Comments", "12 Kommentare", "评论" headers and opens a comment zone, which runs to the
/// end of the page: comments are paragraphs of text, so no block of text closes the zone.
///
/// Why: the reader comments under an article are not the article (seed 000 ends in a comment
/// box; news pages in every language head that box with a word like these).
struct CommentHeaderRule: LineRule {
  let id: RuleID = "builtin.comment-header"
  let role = LineRole.dropped(.commentWidget)
  let opensZone: BoilerplateKind? = .commentWidget

  /// A bulleted "* Comments" is a menu or share-bar item, not the head of a comment section.
  func matches(_ line: LineContext) -> Bool {
    !line.startsWithBullet && line.lexicons.commentHeader.covers(line.tokens)
  }
}
