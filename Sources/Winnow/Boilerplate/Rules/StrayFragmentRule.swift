/// Drops stray link and tag fragments: "/happy news", "#world", "<br>", a bare URL.
///
/// Why: seed 003 line 65 ("/happy news"), a link path left at the end of the page.
struct StrayFragmentRule: LineRule {
  var id: RuleID { "builtin.stray-fragment" }
  let role = LineRole.dropped(.junk)
  static let maxWords = 5
  /// "/", "#", "<", "@", "\\": the first character of a path, tag, markup or handle.
  static func isFragmentStart(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "/", "#", "<", "@", "\\": true
    default: false
    }
  }

  func matches(_ line: LineContext) -> Bool {
    guard line.wordCount <= Self.maxWords, let first = line.text.unicodeScalars.first else {
      return false
    }
    if Self.isFragmentStart(first) { return true }
    guard first == "h" || first == "w" else { return false }
    let isURL =
      line.text.hasPrefix("http://") || line.text.hasPrefix("https://")
      || line.text.hasPrefix("www.")
    return isURL && !line.text.contains(" ")
  }
}
