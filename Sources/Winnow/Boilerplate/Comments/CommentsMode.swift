/// `boilerplate.comments`: what becomes of the reader comments under an article.
public enum CommentsMode: String, Codable, Sendable, CaseIterable {
  /// Dropped with the rest of the comment zone (counted under `winnow.removed`).
  case drop
  /// The comments' prose goes to the record's `comments`, one string per comment; the text
  /// and its scores are the same as with `drop`.
  case field
  /// The comments' prose stays in `text`, after the article, for users who want everything
  /// a person wrote.
  case keep
}
