/// Drops copyright lines, disclaimers, ICP footers and cookie notices.
///
/// Why: seed 000 line 22 ("CandyLake.com 系信息发布平台,仅提供信息存储空间服务。") and seed 002 line 182
/// ("The content herein ... Copyright 1995-2024 - Space Media Network ..."). A long line needs
/// a strong mark ("©", or "copyright" with a year) so an article about copyright stays.
struct LegalNoticeRule: LineRule {
  var id: RuleID { "builtin.legal" }
  let role = LineRole.dropped(.legal)
  /// Longer lines are prose unless they carry a strong mark.
  static let shortLine = 30
  static let copyright = Token.hash("copyright")

  func matches(_ line: LineContext) -> Bool {
    if line.hasCopyrightSign { return true }
    guard line.wordCount <= Self.shortLine else {
      return line.tokens.indices.contains { index in
        line.tokens[index].hash == Self.copyright
          && line.tokens[index...].prefix(4).contains { $0.isNumber && $0.length == 4 }
      }
    }
    return line.lexicons.legal.occurs(in: line)
  }
}
