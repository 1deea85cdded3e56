import CYaml

/// Checks the shape of a config's YAML before Yams builds a tree of it, with libyaml's event
/// parser, which keeps its state on the heap and holds one event at a time.
///
/// Why: building the tree is where hostile YAML hurts. Yams composes nested collections by
/// recursion, so 5,000 levels of `[[[...]]]` overflow the stack (SIGSEGV); and an alias is a
/// reference that every later pass copies out in full, so a few hundred bytes of aliases to
/// aliases ("billion laughs") expand to billions of values. Both are counted here first: the
/// nesting depth, and the number of values the document holds once every alias is expanded.
enum ConfigShape {
  /// Deeper nesting is refused; the built-in config needs 5 levels.
  static let maxDepth = 64
  /// More values, counting each alias as the values it stands for, are refused; the
  /// built-in config has about 300.
  static let maxValues = 100_000

  /// A shape the loader refuses, at the line and column (1-based) of the event that crossed
  /// the bound.
  struct Problem: Error {
    var message: String
    var line: Int
    var column: Int
  }

  /// Throws the first bound `yaml` crosses. A syntax error ends the check quietly: Yams
  /// reports it afterwards, with its own message.
  static func check(_ yaml: String) throws(Problem) {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return }
    defer { yaml_parser_delete(&parser) }
    var bytes = Array(yaml.utf8)
    try bytes.withUnsafeMutableBufferPointer { (buffer) throws(Problem) in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var counter = Counter()
      var event = yaml_event_t()
      while yaml_parser_parse(&parser, &event) == 1 {
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { return }
        try counter.count(event)
      }
    }
  }

  /// Expanded sizes of the collections open on the way down, and of each anchor.
  private struct Counter {
    /// Values inside each open collection so far (the collection itself included), with the
    /// anchor it will be known by.
    var open: [(values: Int, anchor: String?)] = []
    var anchors: [String: Int] = [:]
    var total = 0

    mutating func count(_ event: yaml_event_t) throws(Problem) {
      switch event.type {
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        guard open.count < ConfigShape.maxDepth else {
          throw problem("nesting deeper than \(ConfigShape.maxDepth) levels", at: event)
        }
        let anchor =
          event.type == YAML_SEQUENCE_START_EVENT
          ? name(event.data.sequence_start.anchor) : name(event.data.mapping_start.anchor)
        open.append((1, anchor))
        try add(1, at: event)
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let closed = open.popLast() else { return }
        if let anchor = closed.anchor { anchors[anchor] = closed.values }
        if !open.isEmpty { open[open.count - 1].values += closed.values }
      case YAML_SCALAR_EVENT:
        if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = 1 }
        if !open.isEmpty { open[open.count - 1].values += 1 }
        try add(1, at: event)
      case YAML_ALIAS_EVENT:
        let values = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
        if !open.isEmpty { open[open.count - 1].values += values }
        try add(values, at: event)
      default: return
      }
    }

    /// Counts `values` more in the document; each is at most `maxValues`, so no overflow.
    private mutating func add(_ values: Int, at event: yaml_event_t) throws(Problem) {
      total += values
      guard total <= ConfigShape.maxValues else {
        throw problem(
          "more than \(ConfigShape.maxValues) values once aliases are expanded", at: event)
      }
    }

    private func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
      anchor.map { String(cString: $0) }
    }

    private func problem(_ message: String, at event: yaml_event_t) -> Problem {
      Problem(
        message: message, line: Int(event.start_mark.line) + 1,
        column: Int(event.start_mark.column) + 1)
    }
  }
}
