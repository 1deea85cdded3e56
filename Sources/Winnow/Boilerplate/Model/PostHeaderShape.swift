/// The shape of a post's header line: a name and a date, whatever the name and the date.
/// "Edmund Jun 7, 2017 at 9:09 pm" and "Pepper Pot Jun 8, 2017 at 7:02 am" are one shape
/// (a run of words, a date word, two numbers, a date word, two numbers, a date word):
/// each token becomes its class (a number, a date word of the lexicons, another word) and a
/// run of other words (a name of any length) one class. The line needs all three classes.
///
/// Why: a thread's posts differ in their names and times, so their headers share no template
/// (`ThreadChromeRule.template`), only this shape; an article's byline ("By Jane Doe",
/// "Last updated on March 12, 2026") rarely has the shape of its commenters' lines.
enum PostHeaderShape {
  /// A header has at most this many tokens; a longer line is text.
  static let maxTokens = 12

  private enum TokenClass: UInt64 {
    case number = 1
    case dateWord = 2
    case word = 4
  }

  /// The shape of a line of `tokens` as one hash; nil when it has more than `maxTokens`
  /// tokens or lacks a name, a number or a date word.
  static func key(_ tokens: [Token], dateWords: CueSet) -> UInt64? {
    guard tokens.count <= maxTokens else { return nil }
    var hash = Token.fnvOffset
    var seen: UInt64 = 0
    var last: TokenClass? = nil
    var index = 0
    while index < tokens.count {
      let tokenClass: TokenClass
      let length = dateWords.match(tokens, at: index)
      if length > 0 {
        tokenClass = .dateWord
        index += length
      } else {
        tokenClass = tokens[index].hasDigit ? .number : .word
        index += 1
      }
      seen |= tokenClass.rawValue
      if tokenClass == .word && last == .word { continue }
      last = tokenClass
      hash = (hash ^ tokenClass.rawValue) &* Token.fnvPrime
    }
    return seen == 7 ? hash : nil
  }
}
