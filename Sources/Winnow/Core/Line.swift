/// One line of a page, as the scraper wrote it (one block per line).
public struct Line: Hashable, Sendable {
  /// 1-based position in the decoded input, kept through every stage for explanations.
  public var number: Int
  /// The line's text, without its line terminator.
  public var text: String
  /// What the boilerplate stage decided; `nil` until it runs (and for blank lines).
  public var verdict: Verdict?
  /// The line as decoded, when the normalize stage changed it: `winnow explain` shows both.
  public var original: String?
  /// The record field the line went to when it left the text for another one (a reader
  /// comment's prose, for `comments`).
  public var movedTo: Removal.Destination?

  public init(number: Int, text: String, verdict: Verdict? = nil) {
    self.number = number
    self.text = text
    self.verdict = verdict
  }

  /// Whether the line stays in the record's text: as its verdict says, or, before the
  /// boilerplate stage has judged it, unless it is blank.
  public var isKept: Bool { verdict?.role.isKept ?? !isBlank }

  /// True when the line holds nothing but white space.
  public var isBlank: Bool { Self.isBlank(text) }

  /// True when `text` holds nothing but white space.
  static func isBlank(_ text: String) -> Bool {
    var blank = true
    UTF8Scalars.forEach(in: text) { value in
      // ASCII's White_Space is tab to carriage return and the space: no property lookup.
      blank =
        value < 0x80
        ? value == 0x20 || (0x09...0x0D).contains(value)
        : Unicode.Scalar(value).unsafelyUnwrapped.properties.isWhitespace
      return blank
    }
    return blank
  }
}
