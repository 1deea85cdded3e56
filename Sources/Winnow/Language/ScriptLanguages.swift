/// The languages the script alone decides, read from `language_cues.txt`: scripts with one
/// language (Hangul is Korean, Greek is Greek), and Han characters that only simplified or
/// only traditional Chinese uses.
struct ScriptLanguages: Sendable {
  /// ICU script code to the language it alone decides, e.g. Hangul to `ko`.
  private(set) var languageOfScript: [Int: String] = [:]
  private(set) var simplifiedOnly: Set<UInt32> = []
  private(set) var traditionalOnly: Set<UInt32> = []

  static let builtIn: ScriptLanguages = {
    do {
      return try ScriptLanguages(
        parsing: String(decoding: PackageResources.language_cues_txt, as: UTF8.self))
    } catch {
      fatalError("built-in language_cues.txt: \(error)")
    }
  }()

  struct FormatError: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "line \(line): \(message)" }
  }

  /// Lines are `script ISO LANG`, `han-simplified CHARS` and `han-traditional CHARS`; `#`
  /// starts a comment.
  init(parsing text: String, table: ScriptTable = .shared) throws {
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let fields = line.split(separator: " ").map(String.init)
      guard let kind = fields.first, !kind.hasPrefix("#") else { continue }
      switch kind {
      case "script" where fields.count == 3:
        guard let code = table.code(ofISO: fields[1]) else {
          throw FormatError(line: offset + 1, message: "unknown script \(fields[1])")
        }
        languageOfScript[code] = fields[2]
      case "han-simplified":
        simplifiedOnly.formUnion(fields.dropFirst().flatMap(\.unicodeScalars).map(\.value))
      case "han-traditional":
        traditionalOnly.formUnion(fields.dropFirst().flatMap(\.unicodeScalars).map(\.value))
      default:
        throw FormatError(line: offset + 1, message: "cannot read '\(line)'")
      }
    }
  }
}
