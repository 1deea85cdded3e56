/// One repair of the normalize stage, applied to a line's scalars.
protocol LineRepair: Sendable {
  /// The characters it looks for: lines with none of any repair's skip the repairs.
  var trigger: RepairTrigger { get }

  /// Repairs `scalars` in place and counts each change in `report`; true when anything
  /// changed.
  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool
}
