import Foundation

/// The learned line classifier: gradient-boosted regression trees over `LineFeatures`, whose
/// summed leaves are the log-odds that a line is article text. Trained by
/// `scripts/train_boilerplate.py`, which writes the text format `init(text:)` reads.
///
/// The file says which verdict groups the model may overrule and how sure it must be: a kept
/// line of `dropGroups` goes when the probability of text falls below `dropBelow`, a dropped
/// line of `keepGroups` comes back above `keepAbove`.
struct LineClassifier: Sendable {
  /// Why a weights file cannot be used; the message names the line.
  struct Invalid: Error, CustomStringConvertible {
    let description: String
  }

  let bias: Double
  let dropBelow: Double
  let keepAbove: Double
  /// The groups of kept lines the model may drop.
  let dropGroups: Set<VerdictGroup>
  /// The groups of dropped lines the model may keep.
  let keepGroups: Set<VerdictGroup>
  /// Whether the model judges lines of each group (by raw value): a table, as the pass asks
  /// for every line.
  let judges: [Bool]
  /// Levels of every tree: trees shallower than the deepest, and leaves above the last
  /// level, are padded with splits that send every row left to copies of the leaf.
  let depth: Int
  /// The splits of all trees, each tree complete and breadth-first (`2^depth - 1` splits,
  /// node `i` has children `2i + 1` and `2i + 2`): a walk is `depth` steps of arithmetic
  /// on flat arrays, with no branch to mispredict.
  let splitFeatures: [Int32]
  /// A split sends rows with `row[feature] <= threshold` left. The file's threshold rounded
  /// down to a `Float`: for a `Float` feature `x`, `x <= threshold` then says exactly what
  /// `Double(x) <= file threshold` says (as scikit-learn compares), at single precision.
  let splitThresholds: [Float]
  /// The log-odds at the `2^depth` leaves of each tree, left to right.
  let leafValues: [Double]
  let treeCount: Int

  /// One node of a tree as the file gives it: a leaf has feature -1 and its log-odds in
  /// `value`; children are indices into the tree's nodes.
  private struct Node {
    var feature: Int32
    var threshold: Double
    var left: Int
    var right: Int
    var value: Double
  }

  /// The model compiled into the binary (`config/boilerplate_model.txt`).
  static let builtIn: LineClassifier = {
    let text = String(decoding: PackageResources.boilerplate_model_txt, as: UTF8.self)
    do {
      return try LineClassifier(text: text)
    } catch {
      fatalError("config/boilerplate_model.txt is compiled in and must parse: \(error)")
    }
  }()

  /// Reads the format of `scripts/train_boilerplate.py`: `key value...` header lines
  /// (`features`, `bias`, `drop_below`, `drop_groups`, `keep_above`, `keep_groups`), then one
  /// line per node,
  /// `node FEATURE THRESHOLD LEFT RIGHT VALUE` (children as node numbers, -1 at leaves), and a
  /// `tree ROOT` line before each tree's nodes. Lines starting with `#` are comments.
  init(text: String) throws {
    var header: [String: [Substring]] = [:]
    var trees: [[Node]] = []
    for (number, line) in text.split(separator: "\n").enumerated() {
      let fields = line.split(separator: " ")
      guard let key = fields.first, !key.hasPrefix("#") else { continue }
      func fail(_ message: String) -> Invalid {
        Invalid(description: "line \(number + 1): \(message)")
      }
      switch key {
      case "tree":
        trees.append([])
      case "node":
        guard fields.count == 6, let feature = Int32(fields[1]), let threshold = Double(fields[2]),
          let low = Int(fields[3]), let high = Int(fields[4]), let value = Double(fields[5])
        else { throw fail("a node needs FEATURE THRESHOLD LEFT RIGHT VALUE") }
        guard feature < LineFeatures.count else { throw fail("no feature \(feature)") }
        guard !trees.isEmpty else { throw fail("a node before any tree") }
        trees[trees.count - 1].append(
          Node(feature: feature, threshold: threshold, left: low, right: high, value: value))
      default:
        header[String(key)] = Array(fields.dropFirst())
      }
    }
    func number(_ key: String) throws -> Double {
      guard let value = header[key]?.first.flatMap({ Double($0) }) else {
        throw Invalid(description: "needs a '\(key)' line with a number")
      }
      return value
    }
    let names = header["features"]?.map(String.init) ?? []
    guard names == LineFeatures.names else {
      throw Invalid(description: "its 'features' line does not list this build's features")
    }
    bias = try number("bias")
    dropBelow = try number("drop_below")
    keepAbove = try number("keep_above")
    let drops = try Self.groups(header["drop_groups"], key: "drop_groups") { $0.isKept }
    let keeps = try Self.groups(header["keep_groups"], key: "keep_groups") {
      !$0.isKept && $0 != .title && $0 != .meta
    }
    dropGroups = drops
    keepGroups = keeps
    judges = VerdictGroup.allCases.map { drops.contains($0) || keeps.contains($0) }
    var depth = 0
    for (number, tree) in trees.enumerated() {
      guard let treeDepth = Self.depth(of: tree, at: 0, limit: Self.maxDepth) else {
        throw Invalid(
          description: "tree \(number + 1): a node points outside its tree, or it is deeper"
            + " than \(Self.maxDepth) levels")
      }
      depth = max(depth, treeDepth)
    }
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

  /// The deepest tree a file may have: the complete layout has `2^depth` leaves per tree.
  static let maxDepth = 12

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

  /// The verdict groups named on a header line, each of which must pass `allowed`.
  private static func groups(
    _ names: [Substring]?, key: String, allowed: (VerdictGroup) -> Bool
  ) throws -> Set<VerdictGroup> {
    var groups: Set<VerdictGroup> = []
    for name in names ?? [] {
      guard let group = VerdictGroup.allCases.first(where: { "\($0)" == name }), allowed(group)
      else { throw Invalid(description: "'\(name)' cannot be in '\(key)'") }
      groups.insert(group)
    }
    return groups
  }

  /// The probability that the line of `row` is article text.
  func probability(_ row: ArraySlice<Float>) -> Double {
    row.withUnsafeBufferPointer { probability($0) }
  }

  /// The probability that the line of `row` (`LineFeatures.count` values) is article text.
  func probability(_ row: UnsafeBufferPointer<Float>) -> Double {
    precondition(row.count == LineFeatures.count)
    let splits = (1 << depth) - 1
    var sum = bias
    splitFeatures.withUnsafeBufferPointer { features in
      splitThresholds.withUnsafeBufferPointer { thresholds in
        leafValues.withUnsafeBufferPointer { leaves in
          var base = 0
          for tree in 0..<treeCount {
            var node = 0
            for _ in 0..<depth {
              let goesRight = row[Int(features[base &+ node])] > thresholds[base &+ node]
              // A Bool's byte is 0 or 1: a sum, not a branch the data would mispredict.
              node = 2 &* node &+ 1 &+ Int(unsafeBitCast(goesRight, to: UInt8.self))
            }
            sum += leaves[base &+ tree &+ node &- splits]
            base &+= splits
          }
        }
      }
    }
    return 1 / (1 + exp(-sum))
  }
}
