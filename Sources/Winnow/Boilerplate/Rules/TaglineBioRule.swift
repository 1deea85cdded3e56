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
    var text = String(line.text)
    return text.withUTF8(Self.isTagline)
  }

  /// Splits the line at ".", "!" and "?" (ASCII bytes, never inside a multi-byte character)
  /// and checks each fragment that has words.
  static func isTagline(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var fragments = 0
    var start = 0
    for end in 0...bytes.count {
      guard end == bytes.count || bytes[end] == 0x2E || bytes[end] == 0x21 || bytes[end] == 0x3F
      else { continue }
      let tokens = TokenScan(UnsafeBufferPointer(rebasing: bytes[start..<end])).tokens
      start = end + 1
      guard let first = tokens.first else { continue }
      guard tokens.count <= maxWordsPerFragment, first.isCapitalized else { return false }
      fragments += 1
    }
    return fragments >= minFragments
  }
}
