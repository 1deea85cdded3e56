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

  /// Parses `text`; `modelNames` are the models the file may hold. The bytes are read in
  /// place (`TextTableLines`): the compiled-in models' 8,000 node lines are parsed at every
  /// start, and splitting them as `String`s cost more than all the rest of the start-up.
  init(text: String, modelNames: Set<String>) throws {
    var text = text
    // The model whose lines are being read: kept out of `models` until the next `model`
    // line or the end, so that a node costs no dictionary lookup.
    var current: (name: String, bias: Double?, trees: [[TreeEnsemble.Node]])? = nil
    let failure = text.withUTF8 { bytes in
      TextTableLines.forEach(in: bytes) { number, _, fields -> LineClassifier.Invalid? in
        guard let problem = read(fields, into: &current, modelNames: modelNames) else {
          return nil
        }
        return LineClassifier.Invalid(description: "line \(number): \(problem)")
      }
    }
    if let failure { throw failure }
    if let current { models[current.name] = (current.bias, current.trees) }
  }

  /// Reads one line's `fields` into the header or the `current` model; what is wrong with
  /// the line, or nil.
  private mutating func read(
    _ fields: [TextTableLines.Field],
    into current: inout (name: String, bias: Double?, trees: [[TreeEnsemble.Node]])?,
    modelNames: Set<String>
  ) -> String? {
    let key = fields[0]
    if TextTableLines.field(key, is: "node") {
      guard fields.count == 6, let feature = TextTableLines.integer(fields[1]),
        let feature = Int32(exactly: feature), let threshold = TextTableLines.double(fields[2]),
        let low = TextTableLines.integer(fields[3]), let high = TextTableLines.integer(fields[4]),
        let value = TextTableLines.double(fields[5])
      else { return "a node needs FEATURE THRESHOLD LEFT RIGHT VALUE" }
      guard current != nil, !current!.trees.isEmpty else { return "a node before any tree" }
      current!.trees[current!.trees.count - 1].append(
        TreeEnsemble.Node(
          feature: feature, threshold: threshold, left: low, right: high, value: value))
    } else if TextTableLines.field(key, is: "tree") {
      guard current != nil else { return "a tree before any model" }
      current!.trees.append([])
    } else if TextTableLines.field(key, is: "bias") {
      guard current != nil, fields.count == 2, let bias = TextTableLines.double(fields[1]) else {
        return "'bias B' belongs to a model"
      }
      current!.bias = bias
    } else if TextTableLines.field(key, is: "model") {
      let name = fields.count == 2 ? TextTableLines.string(fields[1]) : ""
      guard modelNames.contains(name) else {
        return "a model is one of: \(modelNames.sorted().joined(separator: ", "))"
      }
      if let current { models[current.name] = (current.bias, current.trees) }
      current = (name, nil, [])
    } else {
      let values = fields.dropFirst().map { Substring(TextTableLines.string($0)) }
      header[TextTableLines.string(key)] = values
      repeated[TextTableLines.string(key), default: []].append(values)
    }
    return nil
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
