/// Drops photo credits and short captions that name their source: "Photo: Reuters",
/// "(AP Photo/Jane Doe)", "图片来源：新华社".
///
/// Why: seed 004 line 4 is a caption under an image (see `ContextPass` for captions that
/// follow a file name); captions that say what they are need no neighbour.
struct PhotoCreditRule: LineRule {
  var id: RuleID { "builtin.photo-credit" }
  let role = LineRole.dropped(.imageCaption)
  static let maxWords = 15
  static let marks: Set<Unicode.Scalar> = [":", "：", "/", "／", "|", "©"]

  func matches(_ line: LineContext) -> Bool {
    guard line.wordCount <= Self.maxWords, line.lexicons.photoCredit.starts(line) else {
      return false
    }
    return line.wordCount <= 4 || line.text.unicodeScalars.contains { Self.marks.contains($0) }
  }
}
