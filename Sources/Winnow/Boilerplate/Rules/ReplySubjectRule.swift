/// Drops the subject line of a forum reply ("Re: (Score:3)", "o Re: I make my own wafers",
/// "AW: Frage", "回复：...") and opens a comment zone.
///
/// Why: forum and Slashdot-style pages thread reader replies under such lines; they are the
/// comment widget of the seed pages (seed 000) in another form.
struct ReplySubjectRule: LineRule {
  var id: RuleID { "builtin.reply-subject" }
  let role = LineRole.dropped(.commentWidget)
  let opensZone: BoilerplateKind? = .commentWidget
  static let maxWords = 16
  static let prefixes = [
    "Re:", "RE:", "Re :", "AW:", "Aw:", "Rép :", "Resp:", "回复：", "回复:", "Ответ:",
  ]

  func matches(_ line: LineContext) -> Bool {
    guard line.wordCount <= Self.maxWords else { return false }
    var text = line.text
    // Text browsers render nested list items with "o " or "+ ".
    if text.hasPrefix("o ") || text.hasPrefix("+ ") { text = text.dropFirst(2) }
    return Self.prefixes.contains { text.hasPrefix($0) }
  }
}
