import Foundation

/// Gradient-boosted regression trees whose summed leaves (plus a bias) are the log-odds that a
/// line is article text; one of the two models of a `LineClassifier` file.
struct TreeEnsemble: Sendable {
  /// One node of a tree as the file gives it: a leaf has feature -1 and its log-odds in
  /// `value`; children are indices into the tree's nodes.
  struct Node {
    var feature: Int32
    var threshold: Double
    var left: Int
    var right: Int
    var value: Double
  }

  let bias: Double
  /// Values of a row.
  let width: Int
  /// Levels of every tree: trees shallower than the deepest, and leaves above the last
  /// level, are padded with splits that send every row left to copies of the leaf.
  let depth: Int
  /// The splits of all trees, each tree complete and breadth-first (`2^depth - 1` splits,
  /// node `i` has children `2i + 1` and `2i + 2`): a walk is `depth` steps of arithmetic
  /// on flat arrays, with no branch to mispredict.
  let splitFeatures: [Int32]
  /// A split sends rows with `row[feature] <= threshold` left. The file's threshold rounded
  /// down to a `Float`: for a `Float` feature `x`, `x <= threshold` then says exactly what
  /// `Double(x) <= file threshold` says, at single precision.
  let splitThresholds: [Float]
  /// The log-odds at the `2^depth` leaves of each tree, left to right.
  let leafValues: [Double]
  let treeCount: Int

  /// The deepest tree a file may have: the complete layout has `2^depth` leaves per tree.
  static let maxDepth = 12

  /// Lays out `trees` of rows of `width` values; throws a message naming the bad tree.
  init(bias: Double, width: Int, trees: [[Node]]) throws {
    var depth = 0
    for (number, tree) in trees.enumerated() {
      guard tree.allSatisfy({ $0.feature < width }),
        let treeDepth = Self.depth(of: tree, at: 0, limit: Self.maxDepth)
      else {
        throw LineClassifier.Invalid(
          description: "tree \(number + 1): a node points outside its tree or its row, or it is"
            + " deeper than \(Self.maxDepth) levels")
      }
      depth = max(depth, treeDepth)
    }
    self.bias = bias
    self.width = width
    self.depth = depth
    let splits = (1 << depth) - 1
    var features = [Int32](repeating: 0, count: trees.count * splits)
    var thresholds = [Float](repeating: .infinity, count: trees.count * splits)
    var leaves = [Double](repeating: 0, count: trees.count * (splits + 1))
    for (number, tree) in trees.enumerated() {
      Self.lay(
        tree, node: 0, at: 0, depth: depth, features: &features[(number * splits)...],
        thresholds: &thresholds[(number * splits)...],
        leaves: &leaves[(number * (splits + 1))...])
    }
    splitFeatures = features
    splitThresholds = thresholds
    leafValues = leaves
    treeCount = trees.count
  }

  /// The number of levels of splits below `node`, or nil when a child lies outside the tree
  /// or not after its parent (so that every walk ends at a leaf), or there are more than
  /// `limit` levels.
  private static func depth(of tree: [Node], at node: Int, limit: Int) -> Int? {
    guard tree.indices.contains(node) else { return nil }
    let split = tree[node]
    guard split.feature >= 0 else { return 0 }
    guard limit > 0, split.left > node, split.right > node,
      let left = depth(of: tree, at: split.left, limit: limit - 1),
      let right = depth(of: tree, at: split.right, limit: limit - 1)
    else { return nil }
    return 1 + max(left, right)
  }

  /// Writes the subtree of `node` at `position` of a complete tree of `depth` levels: a leaf
  /// above the last level becomes splits that send every row left, ending in its value.
  private static func lay(
    _ tree: [Node], node: Int, at position: Int, depth: Int,
    features: inout ArraySlice<Int32>, thresholds: inout ArraySlice<Float>,
    leaves: inout ArraySlice<Double>
  ) {
    let splits = (1 << depth) - 1
    let here = tree[node]
    if position >= splits {
      leaves[leaves.startIndex + position - splits] = here.value
      return
    }
    var left = node
    var right = node
    if here.feature >= 0 {
      var below = Float(here.threshold)
      if Double(below) > here.threshold { below = below.nextDown }
      features[features.startIndex + position] = here.feature
      thresholds[thresholds.startIndex + position] = below
      left = here.left
      right = here.right
    }
    lay(
      tree, node: left, at: 2 * position + 1, depth: depth, features: &features,
      thresholds: &thresholds, leaves: &leaves)
    lay(
      tree, node: right, at: 2 * position + 2, depth: depth, features: &features,
      thresholds: &thresholds, leaves: &leaves)
  }

  /// The probability that the line of `row` is article text.
  func probability(_ row: ArraySlice<Float>) -> Double {
    row.withUnsafeBufferPointer { probability($0) }
  }

  /// The probability that the line of `row` (`width` values) is article text.
  func probability(_ row: UnsafeBufferPointer<Float>) -> Double {
    precondition(row.count >= width)
    var result = 0.0
    withUnsafePointer(to: row.baseAddress!) { start in
      withUnsafeMutablePointer(to: &result) { out in
        probabilities(
          of: UnsafeBufferPointer(start: start, count: 1),
          into: UnsafeMutableBufferPointer(start: out, count: 1))
      }
    }
    return result
  }

  /// The probability of each row of `rows` (each points at `width` values), into `out`: a
  /// row's log-odds add up in tree order, the bias first. One row at a time, its node in a
  /// register: the trees' walks do not wait on each other, so the processor overlaps them
  /// without the bookkeeping of walking several rows side by side.
  func probabilities(
    of rows: UnsafeBufferPointer<UnsafePointer<Float>>, into out: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(out.count >= rows.count)
    let splits = (1 << depth) - 1
    splitFeatures.withUnsafeBufferPointer { features in
      splitThresholds.withUnsafeBufferPointer { thresholds in
        leafValues.withUnsafeBufferPointer { leaves in
          for (index, row) in rows.enumerated() {
            var sum = bias
            var tree = 0
            var leaf = 0
            for _ in 0..<treeCount {
              var node = 0
              for _ in 0..<depth {
                let goesRight = row[Int(features[tree &+ node])] > thresholds[tree &+ node]
                // A Bool's byte is 0 or 1: a sum, not a branch the data would mispredict.
                node = 2 &* node &+ 1 &+ Int(unsafeBitCast(goesRight, to: UInt8.self))
              }
              sum += leaves[leaf &+ node &- splits]
              tree &+= splits
              leaf &+= splits &+ 1
            }
            out[index] = 1 / (1 + exp(-sum))
          }
        }
      }
    }
  }
}
