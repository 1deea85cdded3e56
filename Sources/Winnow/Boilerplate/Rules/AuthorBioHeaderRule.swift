/// Drops "About the author" headers and opens an author-bio zone.
///
/// Why: seed 001 ends in an author's tagline; many pages head such a bio explicitly.
struct AuthorBioHeaderRule: LineRule {
  var id: RuleID { "builtin.author-bio-header" }
  let role = LineRole.dropped(.authorBio)
  let opensZone: BoilerplateKind? = .authorBio

  func matches(_ line: LineContext) -> Bool {
    line.lexicons.authorBioHeader.covers(line, allowingNumbers: false)
  }
}
