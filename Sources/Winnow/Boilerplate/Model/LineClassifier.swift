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
  /// Nodes of all trees, flat; a leaf has feature -1 and its value in `values`.
  let features: [Int32]
  let thresholds: [Double]
  let left: [Int32]
  let right: [Int32]
  let values: [Double]
  /// The index of each tree's root in the node arrays.
  let roots: [Int32]

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
    var features: [Int32] = []
    var thresholds: [Double] = []
    var left: [Int32] = []
    var right: [Int32] = []
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
        roots.append(Int32(features.count))
      case "node":
        guard fields.count == 6, let feature = Int32(fields[1]), let threshold = Double(fields[2]),
          let low = Int32(fields[3]), let high = Int32(fields[4]), let value = Double(fields[5])
        else { throw fail("a node needs FEATURE THRESHOLD LEFT RIGHT VALUE") }
        guard feature < LineFeatures.count else { throw fail("no feature \(feature)") }
        guard let root = roots.last else { throw fail("a node before any tree") }
        features.append(feature)
        thresholds.append(threshold)
        left.append(low < 0 ? -1 : root + low)
        right.append(high < 0 ? -1 : root + high)
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
    dropGroups = try Self.groups(header["drop_groups"], key: "drop_groups") { $0.isKept }
    keepGroups = try Self.groups(header["keep_groups"], key: "keep_groups") {
      !$0.isKept && $0 != .title && $0 != .meta
    }
    for (node, (low, high)) in zip(left, right).enumerated() where features[node] >= 0 {
      // Children come after their parent, so every walk ends at a leaf.
      let after = (node + 1)..<features.count
      guard after.contains(Int(low)), after.contains(Int(high)) else {
        throw Invalid(description: "node \(node) points outside its tree")
      }
    }
    self.features = features
    self.thresholds = thresholds
    self.left = left
    self.right = right
    self.values = values
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
    let base = row.startIndex
    var sum = bias
    for root in roots {
      var node = Int(root)
      while features[node] >= 0 {
        let value = Double(row[base + Int(features[node])])
        node = Int(value <= thresholds[node] ? left[node] : right[node])
      }
      sum += values[node]
    }
    return 1 / (1 + exp(-sum))
  }
}
