import Yams

/// A YAML value with the file, line and column it came from, so that every error can point at
/// the user's text even after the user's file was laid over the defaults.
struct ConfigNode {
  struct Location: Equatable {
    var file: String
    var line: Int?
    var column: Int?
  }

  /// One `key: value` pair of a mapping, with where the key itself was written.
  struct Entry {
    var key: String
    var keyLocation: Location
    var value: ConfigNode
  }

  enum Value {
    case scalar(Node.Scalar)
    case mapping([Entry])
    case sequence([ConfigNode])
  }

  var value: Value
  var location: Location

  /// Converts a parsed YAML node, rejecting what a config cannot mean (non-string keys,
  /// duplicate keys: YAML parsers keep one of them silently).
  init(_ node: Node, file: String, path: [ConfigPathComponent] = []) throws(ConfigError) {
    location = Location(file: file, line: node.mark?.line, column: node.mark?.column)
    switch node {
    case .scalar(let scalar):
      value = .scalar(scalar)
    case .sequence(let sequence):
      var items: [ConfigNode] = []
      for (index, item) in sequence.enumerated() {
        items.append(try ConfigNode(item, file: file, path: path + [.index(index)]))
      }
      value = .sequence(items)
    case .mapping(let mapping):
      var entries: [Entry] = []
      for (keyNode, valueNode) in mapping {
        let keyLocation = Location(
          file: file, line: keyNode.mark?.line, column: keyNode.mark?.column)
        guard case .scalar(let keyScalar) = keyNode else {
          throw ConfigError(
            at: keyLocation, path: path,
            problem: .wrongType(expected: "a string key", found: keyNode.kindDescription))
        }
        let key = keyScalar.string
        let keyPath = path + [.key(key)]
        if entries.contains(where: { $0.key == key }) {
          throw ConfigError(
            at: keyLocation, path: keyPath,
            problem: .invalidValue(message: "duplicate key"))
        }
        entries.append(
          Entry(
            key: key, keyLocation: keyLocation,
            value: try ConfigNode(valueNode, file: file, path: keyPath)))
      }
      value = .mapping(entries)
    }
  }

  init(value: Value, location: Location) {
    self.value = value
    self.location = location
  }

  /// True for `~`, `null` or nothing at all, written unquoted.
  var isNull: Bool {
    guard case .scalar(let scalar) = value, scalar.style == .plain || scalar.style == .any
    else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// True for an unquoted YAML boolean (`true`, `no`, `off`, ...).
  var isBoolean: Bool {
    guard case .scalar(let scalar) = value, scalar.style == .plain || scalar.style == .any
    else { return false }
    return Bool.construct(from: scalar) != nil
  }

  /// "a mapping", "a list", "'text'": how an error message names what it found.
  var kindDescription: String {
    switch value {
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .scalar(let scalar): isNull ? "nothing (null)" : "'\(scalar.string)'"
    }
  }

  /// `overlay` laid over `self` key by key: mappings merge recursively, anything else (lists
  /// included) is replaced whole. A null over a mapping leaves it as it is, so that a section
  /// whose keys are all commented out means "the defaults". Keys only `overlay` has are kept,
  /// for the strict decoder to report.
  func merging(_ overlay: ConfigNode) -> ConfigNode {
    guard case .mapping(let baseEntries) = value else { return overlay }
    if overlay.isNull { return self }
    guard case .mapping(let overlayEntries) = overlay.value else { return overlay }
    var merged: [Entry] = baseEntries.map { entry in
      guard let replacement = overlayEntries.first(where: { $0.key == entry.key }) else {
        return entry
      }
      return Entry(
        key: entry.key, keyLocation: replacement.keyLocation,
        value: entry.value.merging(replacement.value))
    }
    for entry in overlayEntries where !baseEntries.contains(where: { $0.key == entry.key }) {
      merged.append(entry)
    }
    return ConfigNode(value: .mapping(merged), location: overlay.location)
  }

  /// The node at `path` below this one and the location of its key (for a mapping entry) or
  /// of the node itself, or nil when the path leads nowhere.
  func locate(_ path: some Collection<String>) -> Location? {
    guard let first = path.first else { return location }
    switch value {
    case .mapping(let entries):
      guard let entry = entries.first(where: { $0.key == first }) else { return nil }
      return path.count == 1 ? entry.keyLocation : entry.value.locate(path.dropFirst())
    case .sequence(let items):
      guard let index = Int(first), items.indices.contains(index) else { return nil }
      return items[index].locate(path.dropFirst())
    case .scalar:
      return nil
    }
  }
}

/// One step of a key path: a mapping key or a list index.
enum ConfigPathComponent: Equatable {
  case key(String)
  case index(Int)

  /// `boilerplate.rules[2].action`: keys joined by dots, list indexes in brackets.
  static func render(_ path: [ConfigPathComponent]) -> String {
    var text = ""
    for component in path {
      switch component {
      case .key(let key): text += text.isEmpty ? key : "." + key
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }
}

extension ConfigError {
  init(at location: ConfigNode.Location, path: [ConfigPathComponent], problem: Problem) {
    self.init(
      file: location.file, keyPath: ConfigPathComponent.render(path), line: location.line,
      column: location.column, problem: problem)
  }
}

extension Node {
  fileprivate var kindDescription: String {
    switch self {
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .scalar(let scalar): "'\(scalar.string)'"
    }
  }
}
