/// The page-type model's view of a page: the shape of the whole page, the lines the rules
/// dropped included (a listing's items, a forum's posts). Each line-decider feature
/// (`LineFeatures`) and two size steps (how far a line's size is from the lines one and two
/// before: items repeat a size, prose and menus vary) averaged over all non-blank lines,
/// over the dropped ones and over the kept ones, then the share of lines kept. Counts and
/// shares only, in any language; `scripts/train_page_type.py` computes the same from the
/// rows `winnow-features` prints.
enum PageTypeFeatures {
  private static let stepNames = ["size_step1", "size_step2"]
  private static let parts = ["all", "dropped", "kept"]
  static let names: [String] =
    parts.flatMap { part in (LineFeatures.names + stepNames).map { "\(part)_\($0)" } }
    + ["kept_line_share"]
  static let count = names.count
  private static let lineWidth = LineFeatures.count + stepNames.count
  // Where the sizes of the line and of the two before it stand in a line's row.
  private static let size = LineFeatures.names.firstIndex(of: "log_size")!
  private static let previous = LineFeatures.names.firstIndex(of: "previous_log_size")!
  private static let previous2 = LineFeatures.names.firstIndex(of: "previous2_log_size")!

  /// The features of `page`, written through one line row at a time.
  static func values(of page: LineFeatures) -> [Float] {
    let width = LineFeatures.count
    // Sums over all, dropped and kept lines, in that order.
    var sums = [Double](repeating: 0, count: parts.count * lineWidth)
    var lines = [0, 0, 0]
    withUnsafeTemporaryAllocation(of: Float.self, capacity: width) { row in
      for (rank, summary) in page.summaries.enumerated() {
        page.write(rank: rank, into: row)
        let step1 = Double(abs(row[size] - row[previous]))
        let step2 = Double(abs(row[size] - row[previous2]))
        for part in 0..<parts.count where part == 0 || (part == 2) == summary.kept {
          lines[part] += 1
          let base = part * lineWidth
          for feature in 0..<width { sums[base + feature] += Double(row[feature]) }
          sums[base + width] += step1
          sums[base + width + 1] += step2
        }
      }
    }
    var values = [Float]()
    values.reserveCapacity(count)
    for part in 0..<parts.count {
      let lineCount = Double(max(1, lines[part]))
      for feature in 0..<lineWidth {
        values.append(Float(sums[part * lineWidth + feature] / lineCount))
      }
    }
    values.append(Float(Double(lines[2]) / Double(max(1, lines[0]))))
    return values
  }
}
