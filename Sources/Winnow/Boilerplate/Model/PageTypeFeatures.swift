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

  /// The sums the features average, over the line rows of a page added one at a time in
  /// page order (`PageRowWalk` writes each row once and hands it here).
  struct Sums {
    /// Over all, dropped and kept lines, in that order.
    private var sums = [Double](repeating: 0, count: parts.count * lineWidth)
    private var lines = [0, 0, 0]

    /// Adds the row of a line (`LineFeatures.count` values) the rules kept or dropped. Each
    /// value is read once and added to the sum over all lines and to that over its part.
    mutating func add(_ row: UnsafePointer<Float>, kept: Bool) {
      let width = LineFeatures.count
      let step1 = Double(abs(row[size] - row[previous]))
      let step2 = Double(abs(row[size] - row[previous2]))
      let part = kept ? 2 : 1
      lines[0] += 1
      lines[part] += 1
      sums.withUnsafeMutableBufferPointer { sums in
        let all = sums.baseAddress!
        let own = all + part * lineWidth
        for feature in 0..<width {
          let value = Double(row[feature])
          all[feature] += value
          own[feature] += value
        }
        all[width] += step1
        all[width + 1] += step2
        own[width] += step1
        own[width + 1] += step2
      }
    }

    /// The page's features, in `names` order.
    var values: [Float] {
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
}
