/// The run of consecutive items whose weights sum highest (the first of equal runs), or nil
/// when no run sums above zero. The decider's main block (`PageShape`: kept tokens up,
/// dropped ones down) and its model block (`ModelBlockFallback`: tokens by probability of
/// text) are both such runs, found in one walk.
enum MaximumSumRun {
  static func of(_ count: Int, weight: (Int) -> Double) -> ClosedRange<Int>? {
    var best = 0.0
    var bestRange: ClosedRange<Int>? = nil
    var sum = 0.0
    var start = 0
    for index in 0..<count {
      if sum <= 0 {
        sum = 0
        start = index
      }
      sum += weight(index)
      if sum > best {
        best = sum
        bestRange = start...index
      }
    }
    return bestRange
  }
}
