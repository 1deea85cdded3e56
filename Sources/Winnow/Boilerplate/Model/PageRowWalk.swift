/// One walk over a page's line rows that writes each row once: the page-type model's sums
/// read every row, and the first line model scores the rows of the lines the decider may
/// judge. The rows are written a block at a time into one buffer the walk reuses, so a
/// page's memory stays one block, and each block's scored rows go through the trees together
/// (`TreeEnsemble.probabilities(of:into:)`).
///
/// Why one walk: the page-type features and the decider read the same rows, and writing a
/// row costs about what scoring it does; written apart, every judged row was written twice.
/// The first model's probability of a line does not depend on the page's type, only whether
/// the decider uses it does; the walk scores the lines of the groups its caller names (the
/// line model's policy's), and the decider scores any other line it needs after the call.
struct PageRowWalk {
  /// Rows per block: 32 rows of about 90 values, 11 KB, stay in the first-level cache.
  static let blockLines = 32

  /// The first model's probability of each line (by rank) whose verdict group was scored;
  /// NaN for the others.
  let first: [Double]
  /// The page-type features (`PageTypeFeatures`), when asked for.
  let pageTypeValues: [Float]?

  /// Walks `page`, scoring with `model` the lines whose group's entry in `scoredGroups`
  /// (indexed by `VerdictGroup.rawValue`) is true, and summing the page-type features when
  /// `pageType` is true.
  init(page: LineFeatures, model: TreeEnsemble, scoredGroups: [Bool], pageType: Bool) {
    let total = page.summaries.count
    let width = LineFeatures.count
    var first = [Double](repeating: .nan, count: total)
    var sums = pageType ? PageTypeFeatures.Sums() : nil
    var scoredRanks = [Int](repeating: 0, count: Self.blockLines)
    var scores = [Double](repeating: 0, count: Self.blockLines)
    // Not zeroed: a row is read only after `write` filled all of it.
    withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.blockLines * width) { block in
      var scoredRows = [UnsafePointer<Float>](
        repeating: UnsafePointer(block.baseAddress!), count: Self.blockLines)
      var start = 0
      while start < total {
        let end = min(total, start + Self.blockLines)
        var slot = 0
        var scored = 0
        for rank in start..<end {
          let summary = page.summaries[rank]
          let scoresLine = scoredGroups[summary.group.rawValue]
          guard scoresLine || sums != nil else { continue }
          let row = UnsafeMutableBufferPointer(
            rebasing: block[(slot * width)..<((slot + 1) * width)])
          slot += 1
          page.write(rank: rank, into: row)
          sums?.add(row.baseAddress!, kept: summary.kept)
          if scoresLine {
            scoredRows[scored] = UnsafePointer(row.baseAddress!)
            scoredRanks[scored] = rank
            scored += 1
          }
        }
        scoredRows.withUnsafeBufferPointer { rows in
          scores.withUnsafeMutableBufferPointer { scores in
            model.probabilities(of: UnsafeBufferPointer(rebasing: rows[0..<scored]), into: scores)
          }
        }
        for index in 0..<scored { first[scoredRanks[index]] = scores[index] }
        start = end
      }
    }
    self.first = first
    pageTypeValues = sums?.values
  }
}
