extension Int {
  /// `self + other`, held at `Int.max` instead of trapping: the counts come from records a
  /// user may have edited, and a report must not crash on an absurd one.
  func saturatingAdd(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? (other > 0 ? .max : .min) : sum
  }
}
