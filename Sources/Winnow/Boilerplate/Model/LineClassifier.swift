import Foundation

/// The learned line decider: two tree ensembles over `LineFeatures`. The first gives every
/// line a probability of being article text; the second reads the same features plus the
/// first probabilities of the line and of its neighbours (`contextNames`). The file says
/// which of the two decides (`decidesWithSecond`) and how sure it must be: a line the rules
/// kept goes below `dropBelow`, a line they dropped comes back above `keepAbove` when its
/// verdict group is one of `keepGroups`. Trained by
/// `scripts/train_boilerplate.py`, which writes the text format `init(text:)` reads.
struct LineClassifier: Sendable {
  /// Why a weights file cannot be used; the message names the line.
  struct Invalid: Error, CustomStringConvertible {
    let description: String
  }

  /// The second model's values after the features, as the pass computes them.
  static let contextNames = [
    "p_self", "p_previous", "p_next", "p_window3", "p_window10", "p_page",
  ]
  /// Lines on each side whose first probabilities `p_window3` and `p_window10` average.
  static let contextWindows = (3, 10)

  let first: TreeEnsemble
  let second: TreeEnsemble
  let decidesWithSecond: Bool
  let dropBelow: Double
  let keepAbove: Double
  /// The verdict groups of dropped lines the decider may bring back.
  let keepGroups: Set<VerdictGroup>

  /// The model compiled into the binary (`boilerplate_model.txt`).
  static let builtIn: LineClassifier = {
    let text = String(decoding: PackageResources.boilerplate_model_txt, as: UTF8.self)
    do {
      return try LineClassifier(text: text)
    } catch {
      fatalError("boilerplate_model.txt is compiled in and must parse: \(error)")
    }
  }()

  /// Reads the format of `scripts/train_boilerplate.py`: header lines `features NAME...`,
  /// `context NAME...`, `decide_with first|second`, `drop_below P`, `keep_above P` and
  /// `keep_groups GROUP...`; then `model first` and `model second`, each
  /// followed by `bias B` and its trees: a `tree` line before each tree's nodes, one line per
  /// node, `node FEATURE THRESHOLD LEFT RIGHT VALUE` (children as node numbers, -1 at
  /// leaves). Lines starting with `#` are comments.
  init(text: String) throws {
    var header: [String: [Substring]] = [:]
    var models: [String: (bias: Double?, trees: [[TreeEnsemble.Node]])] = [:]
    var current: String? = nil
    for (number, line) in text.split(separator: "\n").enumerated() {
      let fields = line.split(separator: " ")
      guard let key = fields.first, !key.hasPrefix("#") else { continue }
      func fail(_ message: String) -> Invalid {
        Invalid(description: "line \(number + 1): \(message)")
      }
      switch key {
      case "model":
        guard fields.count == 2, ["first", "second"].contains(fields[1]) else {
          throw fail("a model is 'first' or 'second'")
        }
        current = String(fields[1])
        models[current!] = (nil, [])
      case "bias":
        guard let current, fields.count == 2, let bias = Double(fields[1]) else {
          throw fail("'bias B' belongs to a model")
        }
        models[current]!.bias = bias
      case "tree":
        guard let current else { throw fail("a tree before any model") }
        models[current]!.trees.append([])
      case "node":
        guard fields.count == 6, let feature = Int32(fields[1]), let threshold = Double(fields[2]),
          let low = Int(fields[3]), let high = Int(fields[4]), let value = Double(fields[5])
        else { throw fail("a node needs FEATURE THRESHOLD LEFT RIGHT VALUE") }
        guard let current, !(models[current]!.trees.isEmpty) else {
          throw fail("a node before any tree")
        }
        let trees = models[current]!.trees.count
        models[current]!.trees[trees - 1].append(
          TreeEnsemble.Node(
            feature: feature, threshold: threshold, left: low, right: high, value: value))
      default:
        header[String(key)] = Array(fields.dropFirst())
      }
    }
    guard header["features"]?.map(String.init) == LineFeatures.names else {
      throw Invalid(description: "its 'features' line does not list this build's features")
    }
    guard header["context"]?.map(String.init) == Self.contextNames else {
      throw Invalid(description: "its 'context' line does not list this build's context")
    }
    func probability(_ key: String) throws -> Double {
      guard let value = header[key]?.first.flatMap({ Double($0) }), (0...1).contains(value)
      else { throw Invalid(description: "needs a '\(key)' line with a probability") }
      return value
    }
    dropBelow = try probability("drop_below")
    keepAbove = try probability("keep_above")
    guard let decider = header["decide_with"], decider == ["first"] || decider == ["second"]
    else { throw Invalid(description: "needs a 'decide_with first|second' line") }
    decidesWithSecond = decider == ["second"]
    var keepGroups: Set<VerdictGroup> = []
    for name in header["keep_groups"] ?? [] {
      guard let group = VerdictGroup.allCases.first(where: { "\($0)" == name }),
        !group.isKept && group != .title && group != .meta
      else { throw Invalid(description: "'\(name)' cannot be in 'keep_groups'") }
      keepGroups.insert(group)
    }
    self.keepGroups = keepGroups
    func ensemble(_ name: String, width: Int) throws -> TreeEnsemble {
      guard let model = models[name], let bias = model.bias, !model.trees.isEmpty else {
        throw Invalid(description: "needs a 'model \(name)' with a bias and trees")
      }
      return try TreeEnsemble(bias: bias, width: width, trees: model.trees)
    }
    first = try ensemble("first", width: LineFeatures.count)
    second = try ensemble("second", width: LineFeatures.count + Self.contextNames.count)
  }
}
