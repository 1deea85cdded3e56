import Yams

/// Decodes plain `Codable` settings structs from a `ConfigNode` tree and rejects every key that
/// no setting asked for.
///
/// Why a decoder of our own: Yams' decoder silently ignores unknown keys and reports errors
/// without lines. Here each keyed container records the keys its type asked for (`decode`,
/// `decodeIfPresent`, `contains`); once the type's `init(from:)` returns, any other key in the
/// mapping is an `unknownKey` error with a near-miss suggestion among the asked keys. So stage
/// helpers write ordinary structs with `CodingKeys` and get strictness for free.
final class StrictNodeDecoder: Swift.Decoder {
  let node: ConfigNode
  let path: [ConfigPathComponent]
  private var askedKeys: KeyUsage?

  var codingPath: [any CodingKey] { path.map(PathKey.init) }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(node: ConfigNode, path: [ConfigPathComponent]) {
    self.node = node
    self.path = path
  }

  /// Decodes `T` at `node`, then checks that every key of every mapping on the way was used.
  static func decode<T: Decodable>(
    _ type: T.Type, from node: ConfigNode, path: [ConfigPathComponent]
  ) throws -> T {
    if let scalar = try decodeScalar(type, from: node, path: path) { return scalar }
    if let choices = stringChoices(of: type) {
      guard case .scalar(let scalar) = node.value else {
        throw ConfigError(
          at: node.location, path: path,
          problem: .wrongType(
            expected: "one of \(choices.joined(separator: ", "))",
            found: node.kindDescription))
      }
      guard choices.contains(scalar.string) else {
        var message =
          "invalid value '\(scalar.string)'; expected one of "
          + choices.joined(separator: ", ")
        if let near = NearMiss.suggestion(for: scalar.string, among: choices) {
          message += "; did you mean '\(near)'?"
        }
        throw ConfigError(at: node.location, path: path, problem: .invalidValue(message: message))
      }
    }
    let decoder = StrictNodeDecoder(node: node, path: path)
    let value: T
    do {
      value = try T(from: decoder)
    } catch let error as ConfigError {
      // A misspelt required key fails as "missing" first; the typo is the better report.
      if case .missingKey(let missing) = error.problem,
        let unknown = decoder.firstUnknownKey(nearTo: missing)
      {
        throw unknown
      }
      throw error
    } catch let error as DecodingError {
      throw ConfigError(decodingError: error, root: node, rootPath: path)
    }
    if let unknown = decoder.firstUnknownKey() { throw unknown }
    return value
  }

  /// The error for the first key (in file order) that the decoded type never asked for;
  /// with `nearTo`, only a key that looks like a typo of that one.
  private func firstUnknownKey(nearTo wanted: String? = nil) -> ConfigError? {
    guard let askedKeys, !askedKeys.tookAll, case .mapping(let entries) = node.value else {
      return nil
    }
    for entry in entries where !askedKeys.keys.contains(entry.key) {
      if let wanted, NearMiss.suggestion(for: entry.key, among: [wanted]) == nil { continue }
      let suggestion = NearMiss.suggestion(for: entry.key, among: askedKeys.order)
      return ConfigError(
        at: entry.keyLocation, path: path + [.key(entry.key)],
        problem: .unknownKey(suggestion: suggestion))
    }
    return nil
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .mapping(let entries) = node.value else {
      if node.isNull, askedKeys == nil {
        return try emptyContainer(keyedBy: type)
      }
      // `boilerplate: false` is a natural guess at switching a stage off; say how it is done.
      let expected =
        Key(stringValue: "enabled") != nil && node.isBoolean
        ? "a mapping (to switch it off, write 'enabled: false' under it)" : "a mapping"
      throw ConfigError(
        at: node.location, path: path,
        problem: .wrongType(expected: expected, found: node.kindDescription))
    }
    let usage = askedKeys ?? KeyUsage()
    askedKeys = usage
    return KeyedDecodingContainer(
      StrictKeyedContainer<Key>(
        entries: entries, location: node.location, path: path, usage: usage))
  }

  /// A null where a mapping belongs reads as an empty mapping (all keys missing).
  private func emptyContainer<Key: CodingKey>(keyedBy type: Key.Type) throws
    -> KeyedDecodingContainer<Key>
  {
    let usage = KeyUsage()
    askedKeys = usage
    return KeyedDecodingContainer(
      StrictKeyedContainer<Key>(entries: [], location: node.location, path: path, usage: usage))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    if node.isNull { return StrictUnkeyedContainer(items: [], path: path) }
    guard case .sequence(let items) = node.value else {
      throw ConfigError(
        at: node.location, path: path,
        problem: .wrongType(expected: "a list", found: node.kindDescription))
    }
    return StrictUnkeyedContainer(items: items, path: path)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    StrictSingleValueContainer(node: node, path: path)
  }

  /// Scalars are read here, with YAML's rules (Yams' resolvers) and clear type errors.
  static func decodeScalar<T>(
    _ type: T.Type, from node: ConfigNode, path: [ConfigPathComponent]
  ) throws -> T? {
    func scalar(_ expected: String) throws -> Node.Scalar {
      guard case .scalar(let scalar) = node.value, !node.isNull else {
        throw ConfigError(
          at: node.location, path: path,
          problem: .wrongType(expected: expected, found: node.kindDescription))
      }
      return scalar
    }
    func convert<V>(_ value: V?, _ expected: String) throws -> V {
      guard let value else {
        throw ConfigError(
          at: node.location, path: path,
          problem: .wrongType(expected: expected, found: node.kindDescription))
      }
      return value
    }
    switch type {
    case is Bool.Type:
      let expected = "a boolean (true or false)"
      return try convert(Bool.construct(from: try scalar(expected)), expected) as? T
    case is String.Type:
      return try scalar("a string").string as? T
    case is Int.Type:
      let expected = "an integer"
      return try convert(Int.construct(from: try scalar(expected)), expected) as? T
    case is Double.Type:
      let expected = "a number"
      return try convert(Double.construct(from: try scalar(expected)), expected) as? T
    case is Float.Type:
      let expected = "a number"
      return try convert(Float.construct(from: try scalar(expected)), expected) as? T
    default:
      return nil
    }
  }

  /// The raw values of a `String`-backed `CaseIterable` enum, so that a bad value can list
  /// the good ones.
  private static func stringChoices<T>(of type: T.Type) -> [String]? {
    guard let iterable = type as? any CaseIterable.Type else { return nil }
    func rawValues<C: CaseIterable>(_ type: C.Type) -> [String] {
      C.allCases.compactMap { ($0 as? any RawRepresentable)?.rawValue as? String }
    }
    let values = rawValues(iterable)
    return values.isEmpty ? nil : values
  }
}

/// The keys a type asked for, shared by all copies of its keyed container.
final class KeyUsage {
  var keys: Set<String> = []
  var order: [String] = []
  /// Set by `allKeys`: the type reads whatever is there (a dictionary), so nothing is unknown.
  var tookAll = false

  func ask(_ key: String) {
    if keys.insert(key).inserted { order.append(key) }
  }
}

/// A `CodingKey` for paths that `Decoder.codingPath` must report.
struct PathKey: CodingKey {
  var stringValue: String
  var intValue: Int?

  init(_ component: ConfigPathComponent) {
    switch component {
    case .key(let key): (stringValue, intValue) = (key, nil)
    case .index(let index): (stringValue, intValue) = ("\(index)", index)
    }
  }
  init?(stringValue: String) { (self.stringValue, intValue) = (stringValue, nil) }
  init?(intValue: Int) { (stringValue, self.intValue) = ("\(intValue)", intValue) }
}

struct StrictKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let entries: [ConfigNode.Entry]
  let location: ConfigNode.Location
  let path: [ConfigPathComponent]
  let usage: KeyUsage

  var codingPath: [any CodingKey] { path.map(PathKey.init) }

  var allKeys: [Key] {
    usage.tookAll = true
    return entries.compactMap { Key(stringValue: $0.key) }
  }

  func contains(_ key: Key) -> Bool {
    usage.ask(key.stringValue)
    return entries.contains { $0.key == key.stringValue }
  }

  private func entry(_ key: Key) throws -> ConfigNode.Entry {
    usage.ask(key.stringValue)
    guard let entry = entries.first(where: { $0.key == key.stringValue }) else {
      throw ConfigError(
        at: location, path: path, problem: .missingKey(key.stringValue))
    }
    return entry
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    try entry(key).value.isNull
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    let entry = try entry(key)
    return try StrictNodeDecoder.decode(type, from: entry.value, path: path + [.key(entry.key)])
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type, forKey key: Key
  ) throws -> KeyedDecodingContainer<NestedKey> {
    let entry = try entry(key)
    return try StrictNodeDecoder(node: entry.value, path: path + [.key(entry.key)])
      .container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    let entry = try entry(key)
    return try StrictNodeDecoder(node: entry.value, path: path + [.key(entry.key)])
      .unkeyedContainer()
  }

  func superDecoder() throws -> any Swift.Decoder {
    StrictNodeDecoder(
      node: ConfigNode(value: .mapping(entries), location: location), path: path)
  }

  func superDecoder(forKey key: Key) throws -> any Swift.Decoder {
    let entry = try entry(key)
    return StrictNodeDecoder(node: entry.value, path: path + [.key(entry.key)])
  }
}

struct StrictUnkeyedContainer: UnkeyedDecodingContainer {
  let items: [ConfigNode]
  let path: [ConfigPathComponent]
  var currentIndex = 0

  init(items: [ConfigNode], path: [ConfigPathComponent]) {
    self.items = items
    self.path = path
  }

  var codingPath: [any CodingKey] { path.map(PathKey.init) }
  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }

  private mutating func next() throws -> (ConfigNode, [ConfigPathComponent]) {
    guard !isAtEnd else {
      throw ConfigError(
        at: items.last?.location ?? ConfigNode.Location(file: "", line: nil, column: nil),
        path: path, problem: .invalidValue(message: "the list has too few items"))
    }
    defer { currentIndex += 1 }
    return (items[currentIndex], path + [.index(currentIndex)])
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, items[currentIndex].isNull else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let (node, itemPath) = try next()
    return try StrictNodeDecoder.decode(type, from: node, path: itemPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    let (node, itemPath) = try next()
    return try StrictNodeDecoder(node: node, path: itemPath).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    let (node, itemPath) = try next()
    return try StrictNodeDecoder(node: node, path: itemPath).unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Swift.Decoder {
    let (node, itemPath) = try next()
    return StrictNodeDecoder(node: node, path: itemPath)
  }
}

struct StrictSingleValueContainer: SingleValueDecodingContainer {
  let node: ConfigNode
  let path: [ConfigPathComponent]

  var codingPath: [any CodingKey] { path.map(PathKey.init) }

  func decodeNil() -> Bool { node.isNull }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try StrictNodeDecoder.decode(type, from: node, path: path)
  }
}

extension ConfigError {
  /// A `DecodingError` thrown by a type's own `init(from:)` (say, a failed `RawRepresentable`
  /// init), placed at the node its coding path leads to.
  init(decodingError: DecodingError, root: ConfigNode, rootPath: [ConfigPathComponent]) {
    let context: DecodingError.Context
    let problem: Problem
    switch decodingError {
    case .typeMismatch(let type, let ctx):
      (context, problem) = (ctx, .wrongType(expected: "\(type)", found: "another type"))
    case .valueNotFound(let type, let ctx):
      (context, problem) = (ctx, .wrongType(expected: "\(type)", found: "nothing"))
    case .keyNotFound(let key, let ctx):
      (context, problem) = (ctx, .missingKey(key.stringValue))
    case .dataCorrupted(let ctx):
      (context, problem) = (ctx, .invalidValue(message: ctx.debugDescription))
    @unknown default:
      self.init(
        at: root.location, path: rootPath,
        problem: .invalidValue(message: "\(decodingError)"))
      return
    }
    let full: [ConfigPathComponent] = context.codingPath.map { key in
      key.intValue.map(ConfigPathComponent.index) ?? .key(key.stringValue)
    }
    let relative = full.count >= rootPath.count ? Array(full.dropFirst(rootPath.count)) : []
    let names = relative.map { component -> String in
      switch component {
      case .key(let key): key
      case .index(let index): "\(index)"
      }
    }
    self.init(
      at: root.locate(names) ?? root.location, path: rootPath + relative, problem: problem)
  }
}
