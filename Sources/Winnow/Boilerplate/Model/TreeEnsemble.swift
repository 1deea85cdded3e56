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
  /// The trees one after the other, each in `2^(depth + 1) - 1` words: its `2^depth - 1`
  /// splits, complete and breadth-first (node `i` has children `2i + 1` and `2i + 2`), then
  /// its `2^depth` leaves left to right, where the complete tree's last level would be. A
  /// walk is `depth` steps of arithmetic with no branch to mispredict, and it ends on the
  /// word of its leaf. A split is its feature (the high half) and its threshold's bits (the
  /// low half); a leaf is its log-odds' bits. One array with each tree in a few neighbouring
  /// cache lines: a walk reads three lines where three arrays (features, thresholds, leaves)
  /// had it read up to five, and the model is read again on every page.
  ///
  /// A split sends rows with `row[feature] <= threshold` left. The file's threshold rounded
  /// down to a `Float`: for a `Float` feature `x`, `x <= threshold` then says exactly what
  /// `Double(x) <= file threshold` says, at single precision.
  let nodes: [UInt64]
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
    let words = (2 << depth) - 1
    // Padding splits send every row left: feature 0 against an infinite threshold.
    let padding = Self.split(feature: 0, threshold: .infinity)
    var nodes = [UInt64](repeating: padding, count: trees.count * words)
    for (number, tree) in trees.enumerated() {
      Self.lay(tree, node: 0, at: 0, depth: depth, into: &nodes[(number * words)...])
    }
    self.nodes = nodes
    treeCount = trees.count
  }

  /// The word of a split.
  private static func split(feature: Int32, threshold: Float) -> UInt64 {
    UInt64(UInt32(bitPattern: feature)) << 32 | UInt64(threshold.bitPattern)
  }

  /// The splits' features, tree after tree (the padding's as 0).
  var splitFeatures: [Int32] {
    trees.flatMap { $0.dropLast(1 << depth).map { Int32(truncatingIfNeeded: $0 >> 32) } }
  }

  /// The leaves' log-odds, tree after tree.
  var leafValues: [Double] {
    trees.flatMap { $0.suffix(1 << depth).map { Double(bitPattern: $0) } }
  }

  /// Each tree's words.
  private var trees: [ArraySlice<UInt64>] {
    let words = (2 << depth) - 1
    return (0..<treeCount).map { nodes[($0 * words)..<(($0 + 1) * words)] }
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
    _ tree: [Node], node: Int, at position: Int, depth: Int, into words: inout ArraySlice<UInt64>
  ) {
    let splits = (1 << depth) - 1
    let here = tree[node]
    if position >= splits {
      words[words.startIndex + position] = here.value.bitPattern
      return
    }
    var left = node
    var right = node
    if here.feature >= 0 {
      var below = Float(here.threshold)
      if Double(below) > here.threshold { below = below.nextDown }
      words[words.startIndex + position] = split(feature: here.feature, threshold: below)
      left = here.left
      right = here.right
    }
    lay(tree, node: left, at: 2 * position + 1, depth: depth, into: &words)
    lay(tree, node: right, at: 2 * position + 2, depth: depth, into: &words)
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
    let words = (2 << depth) - 1
    nodes.withUnsafeBufferPointer { nodes in
      for (index, row) in rows.enumerated() {
        var sum = bias
        var tree = 0
        for _ in 0..<treeCount {
          var node = 0
          for _ in 0..<depth {
            let split = nodes[tree &+ node]
            let feature = Int(truncatingIfNeeded: split >> 32)
            let threshold = Float(bitPattern: UInt32(truncatingIfNeeded: split))
            let goesRight = row[feature] > threshold
            // A Bool's byte is 0 or 1: a sum, not a branch the data would mispredict.
            node = 2 &* node &+ 1 &+ Int(unsafeBitCast(goesRight, to: UInt8.self))
          }
          sum += Double(bitPattern: nodes[tree &+ node])
          tree &+= words
        }
        out[index] = 1 / (1 + exp(-sum))
      }
    }
  }
}
