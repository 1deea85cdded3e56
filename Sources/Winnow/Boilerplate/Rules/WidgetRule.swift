/// Drops page widgets that stand alone on a line: "ORGANIZATIONS IN THIS STORY", "Tags".
///
/// Why: seed 004 lines 8 and 38.
struct WidgetRule: LineRule {
  var id: RuleID { "builtin.widget" }
  let role = LineRole.dropped(.widget)

  func matches(_ line: LineContext) -> Bool {
    line.lexicons.widget.covers(line, allowingNumbers: true)
  }
}
