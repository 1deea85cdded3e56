/// Drops menu items and breadcrumbs made only of navigation words ("首页 News 正文", "Home").
///
/// Why: seed 000 line 1, a breadcrumb in the site's language over an English article.
struct NavigationCueRule: LineRule {
  var id: RuleID { "builtin.navigation-words" }
  let role = LineRole.dropped(.navigation)

  func matches(_ line: LineContext) -> Bool { line.lexicons.navigation.covers(line) }
}
