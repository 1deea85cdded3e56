/// A repair the config turns on, with its own cheap test for lines the built-in triage
/// passes as clean.
protocol ProfileRepair: LineRepair {
  /// False when the repair certainly leaves `text` unchanged.
  func mayChange(_ text: String) -> Bool
}
