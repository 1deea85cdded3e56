import Foundation
import Yams

extension Configuration {
  /// `config/default.yaml` byte for byte, as compiled into the binary (`winnow config show`).
  public static let defaultYAML = String(decoding: PackageResources.default_yaml, as: UTF8.self)

  /// The name errors in the built-in defaults would carry (there should be none: a test
  /// decodes them).
  static let builtInFileName = "config/default.yaml (built in)"

  /// The built-in configuration, decoded from `defaultYAML`.
  public static let builtIn: Configuration = {
    do {
      return try load(yaml: "", file: "(empty)")
    } catch {
      fatalError("the built-in config/default.yaml does not decode: \(error)")
    }
  }()

  /// The defaults with the YAML file at `path` laid over them key by key (mappings merge
  /// recursively, lists are replaced whole). Unknown keys, wrong types and bad values are
  /// errors that name the file, line, column and key path.
  public static func load(path: String) throws(ConfigError) -> Configuration {
    try load(yaml: try readText(path: path), file: path)
  }

  /// Config files are refused above this size (the built-in one is about 10 KB).
  static let maxConfigBytes = 4 << 20

  /// The file's text, or an `unreadable` error with the system's reason ("Is a directory").
  static func readText(path: String) throws(ConfigError) -> String {
    func unreadable(_ reason: String) -> ConfigError {
      ConfigError(
        file: path, keyPath: "", line: nil, column: nil, problem: .unreadable(reason: reason))
    }
    let source: DescriptorSource
    switch DescriptorSource.open(Array(path.utf8)) {
    case .failure(let error): throw unreadable(error.message)
    case .success(let opened): source = opened
    }
    var bytes: [UInt8] = []
    do {
      // One byte past the bound tells "over" from "exactly at" without reading further.
      _ = try ByteReader(source: source).read(upTo: maxConfigBytes + 1, into: &bytes)
    } catch {
      throw unreadable(error.message)
    }
    guard bytes.count <= maxConfigBytes else {
      throw unreadable("larger than \(maxConfigBytes) bytes, too large for a config file")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw unreadable("not UTF-8 text")
    }
    return text
  }

  /// Like `load(path:)` for YAML text already in memory; `file` names it in errors.
  public static func load(yaml: String, file: String) throws(ConfigError) -> Configuration {
    let tree = try mergedTree(yaml: yaml, file: file)
    let configuration: Configuration
    do {
      configuration = try StrictNodeDecoder.decode(Configuration.self, from: tree, path: [])
    } catch let error as ConfigError {
      throw error
    } catch {
      throw ConfigError(
        file: file, keyPath: "", line: nil, column: nil,
        problem: .invalidValue(message: "\(error)"))
    }
    for (section, settings) in configuration.validatedSections {
      guard let problem = settings.problems().first else { continue }
      throw ConfigError(problem, section: section, tree: tree)
    }
    return configuration
  }

  /// Decodes any settings type strictly from `yaml` alone (no defaults laid under it), with
  /// the same located errors: for types outside `Configuration` and for tests.
  static func decodeStrictly<T: Decodable>(_ type: T.Type, yaml: String, file: String)
    throws(ConfigError) -> T
  {
    guard let tree = try parse(yaml: yaml, file: file) else {
      throw ConfigError(
        file: file, keyPath: "", line: nil, column: nil,
        problem: .wrongType(expected: "a mapping", found: "an empty file"))
    }
    do {
      return try StrictNodeDecoder.decode(type, from: tree, path: [])
    } catch let error as ConfigError {
      throw error
    } catch {
      throw ConfigError(
        file: file, keyPath: "", line: nil, column: nil,
        problem: .invalidValue(message: "\(error)"))
    }
  }

  /// The defaults with `yaml` laid over them, before decoding.
  static func mergedTree(yaml: String, file: String) throws(ConfigError) -> ConfigNode {
    let defaults = try parse(yaml: defaultYAML, file: builtInFileName)
    let user = try parse(yaml: yaml, file: file)
    guard let defaults else { fatalError("the built-in config/default.yaml is empty") }
    guard let user else { return defaults }
    guard case .mapping = user.value else {
      if user.isNull { return defaults }
      throw ConfigError(
        at: user.location, path: [],
        problem: .wrongType(expected: "a mapping of sections", found: user.kindDescription))
    }
    return defaults.merging(user)
  }

  /// Parses one YAML document; nil for an empty file (or one with only comments).
  private static func parse(yaml: String, file: String) throws(ConfigError) -> ConfigNode? {
    do {
      try ConfigShape.check(yaml)
    } catch {
      throw ConfigError(
        file: file, keyPath: "", line: error.line, column: error.column,
        problem: .invalidValue(message: error.message))
    }
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw ConfigError(syntaxError: error, file: file)
    } catch {
      throw ConfigError(
        file: file, keyPath: "", line: nil, column: nil,
        problem: .syntax(message: "\(error)"))
    }
    guard let node else { return nil }
    return try ConfigNode(node, file: file)
  }

  /// Each section that can check itself, under its key in the file.
  var validatedSections: [(String, any ValidatedSettings)] {
    [
      ("limits", limits), ("decode", decode), ("normalize", normalize),
      ("boilerplate", boilerplate), ("language", language), ("output", output),
    ]
  }

}

extension ConfigError {
  /// A stage's `SettingsProblem` placed at the line of its key: the key path below `section`
  /// is followed through the merged tree (numbers index lists) as far as it goes, so a
  /// missing key is reported at the mapping that lacks it.
  init(_ problem: SettingsProblem, section: String, tree: ConfigNode) {
    let full = [section] + problem.keyPath
    let location = (0...full.count).reversed().lazy
      .compactMap { tree.locate(full.prefix($0)) }.first
    let path: [ConfigPathComponent] =
      [.key(section)]
      + problem.keyPath.map { component in
        Int(component).map(ConfigPathComponent.index) ?? .key(component)
      }
    self.init(
      at: location ?? tree.location, path: path,
      problem: .invalidValue(message: problem.message))
  }
}

extension ConfigNode.Location {
  init(file: String) { self.init(file: file, line: nil, column: nil) }
}

extension ConfigError {
  /// A Yams parse error, with the parser's line and column and its problem in words.
  init(syntaxError error: YamlError, file: String) {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let contextNote = context.map { " (\($0.text))" } ?? ""
      self.init(
        file: file, keyPath: "", line: mark.line, column: mark.column,
        problem: .syntax(message: problem + contextNote))
    case .reader(let problem, _, _, _):
      self.init(
        file: file, keyPath: "", line: nil, column: nil, problem: .syntax(message: problem))
    default:
      self.init(
        file: file, keyPath: "", line: nil, column: nil,
        problem: .syntax(message: "\(error)"))
    }
  }
}

extension LimitSettings: ValidatedSettings {
  public func problems() -> [SettingsProblem] {
    var problems: [SettingsProblem] = []
    if maxDocumentBytes < 1 {
      problems.append(
        SettingsProblem(keyPath: ["max_document_bytes"], message: "must be at least 1"))
    }
    if maxLines < 1 {
      problems.append(SettingsProblem(keyPath: ["max_lines"], message: "must be at least 1"))
    }
    if regexTimePerDocument < 0 {
      problems.append(
        SettingsProblem(
          keyPath: ["regex_time_per_document"], message: "must be 0 (no budget) or more"))
    }
    return problems
  }
}

extension OutputSettings: ValidatedSettings {}
extension NormalizeSettings: ValidatedSettings {}
extension BoilerplateSettings: ValidatedSettings {}
extension LanguageSettings: ValidatedSettings {}

extension Configuration {
  /// The effective configuration as YAML (`winnow config show --config FILE`): every key with
  /// its value after the user's file was laid over the defaults, in the defaults' order.
  /// Comments are not kept; `defaultYAML` is the commented original.
  public var yaml: String {
    do {
      let text = try YAMLEncoder().encode(self)
      return text.hasSuffix("\n") ? text : text + "\n"
    } catch {
      return "# the configuration could not be written as YAML: \(error)\n"
    }
  }
}
