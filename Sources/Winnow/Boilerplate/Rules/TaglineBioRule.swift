/// Drops an author's tagline bio: a string of short capitalized fragments ("Explorer. Devoted
/// travel specialist. Web expert. Organizer. ...").
///
/// Why: seed 001 line 11. Running text has sentences of many words; a tagline has four or
/// more fragments of one to three words each.
struct TaglineBioRule: LineRule {
  var id: RuleID { "builtin.tagline-bio" }
  let role = LineRole.dropped(.authorBio)
  static let minFragments = 4
  static let maxWordsPerFragment = 3

  func matches(_ line: LineContext) -> Bool {
    guard line.cjkCount == 0, line.wordCount <= 40,
      line.periods >= Self.minFragments - 1,
      line.wordCount <= (line.periods + 1) * Self.maxWordsPerFragment
    else { return false }
    let fragments = line.text.split { ".!?".unicodeScalars.contains($0.unicodeScalars.first!) }
      .map { Token.split(String($0)) }
      .filter { !$0.isEmpty }
    guard fragments.count >= Self.minFragments else { return false }
    return fragments.allSatisfy { fragment in
      fragment.count <= Self.maxWordsPerFragment && fragment[0].isCapitalized
    }
  }
}
