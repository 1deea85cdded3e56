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
  /// Compared as UTF-8 bytes: every line is checked, and `Character` comparison is slow.
  static let prefixes: [[UInt8]] = [
    "Re:", "RE:", "Re :", "AW:", "Aw:", "Rép :", "Resp:", "回复：", "回复:", "Ответ:",
  ].map { Array($0.utf8) }
  static let nestedItemMarks: [[UInt8]] = ["o ", "+ "].map { Array($0.utf8) }
  /// The bytes a subject line can start with: most lines are ruled out by their first byte.
  static let firstBytes: [Bool] = {
    var table = Array(repeating: false, count: 256)
    for prefix in prefixes + nestedItemMarks { table[Int(prefix[0])] = true }
    return table
  }()

  func matches(_ line: LineContext) -> Bool {
    guard line.wordCount <= Self.maxWords, Self.firstBytes[Int(line.firstByte)] else {
      return false
    }
    var text = line.text.utf8[...]
    // Text browsers render nested list items with "o " or "+ ".
    if Self.nestedItemMarks.contains(where: { text.starts(with: $0) }) {
      text = text.dropFirst(2)
    }
    return Self.prefixes.contains { text.starts(with: $0) }
  }
}
