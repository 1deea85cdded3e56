/// The text format of the boilerplate stage's tree models (`scripts/train_boilerplate.py`
/// and `scripts/train_page_type.py` write it): header lines `KEY VALUE...`, then named
/// models, each `model NAME`, `bias B` and its trees: a `tree` line before each tree's
/// nodes, one line per node, `node FEATURE THRESHOLD LEFT RIGHT VALUE` (children as node
/// numbers, -1 at leaves). Lines starting with `#` are comments. A header key may repeat
/// (`type` lines); `header` keeps the last, `repeated` all of them.
struct ModelFile {
  /// Each header line's fields after its key, by key (the last line of a repeated key).
  private(set) var header: [String: [Substring]] = [:]
  /// Every header line's fields after its key, by key, in file order.
  private(set) var repeated: [String: [[Substring]]] = [:]
  private var models: [String: (bias: Double?, trees: [[TreeEnsemble.Node]])] = [:]

  /// Parses `text`; `modelNames` are the models the file may hold.
  init(text: String, modelNames: Set<String>) throws {
    var current: String? = nil
    for (number, line) in text.split(separator: "\n").enumerated() {
      let fields = line.split(separator: " ")
      guard let key = fields.first, !key.hasPrefix("#") else { continue }
      func fail(_ message: String) -> LineClassifier.Invalid {
        LineClassifier.Invalid(description: "line \(number + 1): \(message)")
      }
      switch key {
      case "model":
        guard fields.count == 2, modelNames.contains(String(fields[1])) else {
          throw fail("a model is one of: \(modelNames.sorted().joined(separator: ", "))")
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
        repeated[String(key), default: []].append(Array(fields.dropFirst()))
      }
    }
  }

  /// Whether the file holds a model `name`.
  func has(_ name: String) -> Bool { models[name] != nil }

  /// The model `name` over rows of `width` values.
  func ensemble(_ name: String, width: Int) throws -> TreeEnsemble {
    guard let model = models[name], let bias = model.bias, !model.trees.isEmpty else {
      throw LineClassifier.Invalid(description: "needs a 'model \(name)' with a bias and trees")
    }
    return try TreeEnsemble(bias: bias, width: width, trees: model.trees)
  }

  /// The header's `key` line as a probability.
  func probability(_ key: String) throws -> Double {
    guard let value = header[key]?.first.flatMap({ Double($0) }), (0...1).contains(value)
    else { throw LineClassifier.Invalid(description: "needs a '\(key)' line with a probability") }
    return value
  }

  /// The verdict groups named in `names`: dropped groups the decider may bring back.
  static func keepGroups(_ names: some Sequence<Substring>) throws -> Set<VerdictGroup> {
    var groups: Set<VerdictGroup> = []
    for name in names {
      guard let group = VerdictGroup.allCases.first(where: { "\($0)" == name }),
        !group.isKept && group != .title && group != .meta
      else { throw LineClassifier.Invalid(description: "'\(name)' cannot be in 'keep_groups'") }
      groups.insert(group)
    }
    return groups
  }
}
