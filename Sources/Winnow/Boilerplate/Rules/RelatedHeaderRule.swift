/// Drops "Related Links", "RELATED CONTENT", "相关阅读", "Más noticias" and the like, and opens a
/// related-links zone that runs to the next block of content.
///
/// Why: seed 002 lines 97 and 104, followed by teaser lists and a long teaser paragraph
/// (line 109) that only its zone gives away.
struct RelatedHeaderRule: LineRule {
  var id: RuleID { "builtin.related-header" }
  let role = LineRole.dropped(.relatedLinks)
  let opensZone: BoilerplateKind? = .relatedLinks

  func matches(_ line: LineContext) -> Bool {
    line.lexicons.relatedHeader.covers(line, allowingNumbers: false)
  }
}
