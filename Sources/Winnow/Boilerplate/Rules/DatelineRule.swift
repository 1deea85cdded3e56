/// Takes datelines and timestamps out of the text into the record's `date`:
/// "Washington (AFP) June 17, 2023", "Updated 3 hours ago", "2023年6月17日", "昨天 08:41".
///
/// Why: seed 002 line 6 (a dateline under the byline) and seed 000 lines 27-33 (timestamps
/// under teasers, which the context pass then drops with their teaser). A dateline is short,
/// has a date (a month or relative-time word with a number, or a numeric date) and no other
/// lowercase words; capitalized words (a city, an agency) may come with it.
struct DatelineRule: LineRule {
  var id: RuleID { "builtin.dateline" }
  let role = LineRole.date
  static let maxTokens = 14
  static let maxNames = 4

  func matches(_ line: LineContext) -> Bool {
    let tokens = line.tokens
    guard tokens.count <= Self.maxTokens, tokens.contains(where: \.isNumber) else {
      return false
    }
    var index = 0
    var dateWords = 0
    var names = 0
    while index < tokens.count {
      let length = line.lexicons.dateWords.match(tokens, at: index)
      if length > 0 {
        dateWords += 1
        index += length
        continue
      }
      let token = tokens[index]
      if !token.isNumber {
        guard !token.isCJK && (token.isCapitalized || token.isAllCaps) else { return false }
        names += 1
      }
      index += 1
    }
    guard names <= Self.maxNames else { return false }
    return dateWords > 0 || Self.hasNumericDate(line.text)
  }

  /// "2023-06-17", "17.06.2023", "6/17/23": three numbers joined by one kind of separator.
  static func hasNumericDate(_ text: Substring) -> Bool {
    var groups = 0
    var separator: UInt8? = nil
    var inDigits = false
    for byte in text.utf8 {
      if byte >= 0x30 && byte <= 0x39 {
        if !inDigits { groups += 1 }
        inDigits = true
        if groups == 3 { return true }
      } else if inDigits && (byte == 0x2D || byte == 0x2E || byte == 0x2F)
        && (separator == nil || separator == byte)
      {
        separator = byte
        inDigits = false
      } else {
        groups = 0
        separator = nil
        inDigits = false
      }
    }
    return false
  }
}
