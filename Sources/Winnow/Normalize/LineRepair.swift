/// One repair of the normalize stage, applied to a line's scalars.
protocol LineRepair: Sendable {
  /// Repairs `scalars` in place and counts each change in `report`; true when anything
  /// changed.
  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool
}
