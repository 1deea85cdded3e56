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
  /// Nodes of all trees, flat; a leaf has feature -1 and its log-odds in `leafValues`.
  let nodes: [Node]
  let leafValues: [Double]
  /// The index of each tree's root in `nodes`.
  let roots: [Int32]

  /// One split: rows with `row[feature] <= threshold` go `left`.
  struct Node: Sendable {
    var feature: Int32
    var left: Int32
    var right: Int32
    /// The file's threshold rounded down to a `Float`: for a `Float` feature `x`,
    /// `x <= threshold` then says exactly what `Double(x) <= file threshold` says (as
    /// scikit-learn compares), at single precision.
    var threshold: Float
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
    var nodes: [Node] = []
    var values: [Double] = []
    var roots: [Int32] = []
    for (number, line) in text.split(separator: "\n").enumerated() {
      let fields = line.split(separator: " ")
      guard let key = fields.first, !key.hasPrefix("#") else { continue }
      func fail(_ message: String) -> Invalid {
        Invalid(description: "line \(number + 1): \(message)")
      }
      switch key {
      case "tree":
        roots.append(Int32(nodes.count))
      case "node":
        guard fields.count == 6, let feature = Int32(fields[1]), let threshold = Double(fields[2]),
          let low = Int32(fields[3]), let high = Int32(fields[4]), let value = Double(fields[5])
        else { throw fail("a node needs FEATURE THRESHOLD LEFT RIGHT VALUE") }
        guard feature < LineFeatures.count else { throw fail("no feature \(feature)") }
        guard let root = roots.last else { throw fail("a node before any tree") }
        var below = Float(threshold)
        if Double(below) > threshold { below = below.nextDown }
        nodes.append(
          Node(
            feature: feature, left: low < 0 ? -1 : root + low, right: high < 0 ? -1 : root + high,
            threshold: below))
        values.append(value)
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
    for (index, node) in nodes.enumerated() where node.feature >= 0 {
      // Children come after their parent, so every walk ends at a leaf.
      let after = (index + 1)..<nodes.count
      guard after.contains(Int(node.left)), after.contains(Int(node.right)) else {
        throw Invalid(description: "node \(index) points outside its tree")
      }
    }
    self.nodes = nodes
    leafValues = values
    self.roots = roots
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
    var sum = bias
    nodes.withUnsafeBufferPointer { nodes in
      leafValues.withUnsafeBufferPointer { values in
        for root in roots {
          var index = Int(root)
          var node = nodes[index]
          while node.feature >= 0 {
            index = Int(row[Int(node.feature)] <= node.threshold ? node.left : node.right)
            node = nodes[index]
          }
          sum += values[index]
        }
      }
    }
    return 1 / (1 + exp(-sum))
  }
}
