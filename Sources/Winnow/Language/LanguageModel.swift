/// The built-in evidence for telling languages apart, read from `language_cues.txt`:
/// scripts that decide a language alone, common words, word beginnings and endings, and
/// telltale letters per
/// language of the shared scripts (Latin, Cyrillic, Arabic, Devanagari), and Han characters that only
/// simplified or only traditional Chinese uses.
struct LanguageModel: Sendable {
  /// A language as written in one script (Serbian has two entries: Cyrillic and Latin).
  struct Candidate: Equatable, Sendable {
    var language: String
    var script: Int
  }

  /// In file order, which is also the order ties are broken in.
  private(set) var candidates: [Candidate] = []
  /// Word hash (see `WordHash`) to the candidates using the word.
  private(set) var words = CueTable([:])
  /// Hash of a word ending (2 to 4 letters) to the candidates whose words often end so.
  private(set) var endings = CueTable([:])
  /// Hash of a word beginning (2 to 4 letters) to the candidates whose words often begin so.
  private(set) var beginnings = CueTable([:])
  /// Lowercase letter to the candidates using it (and few others).
  private(set) var letters = CueTable([:])
  /// ICU script code to the language it alone decides, e.g. Hangul to `ko`.
  private(set) var languageOfScript: [Int: String] = [:]
  /// ICU script code to the language most often written in it, the guess when a text in
  /// that script shows no evidence at all.
  private(set) var fallbackOfScript: [Int: String] = [:]
  private(set) var simplifiedOnly: Set<UInt32> = []
  private(set) var traditionalOnly: Set<UInt32> = []

  /// How long a word beginning or ending in the file may be.
  static let affixLengths = 2...4

  static let builtIn: LanguageModel = {
    do {
      return try LanguageModel(
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

  /// Lines are `script ISO LANG`, `fallback ISO LANG`, `words LANG ISO WORD...`,
  /// `beginnings LANG ISO START...`, `endings LANG ISO ENDING...`, `letters LANG ISO
  /// LETTER...`, `han-simplified CHARS` and `han-traditional CHARS`; `#` starts a comment.
  init(parsing text: String, table: ScriptTable = .shared) throws {
    var words: [UInt64: [UInt8]] = [:]
    var endings: [UInt64: [UInt8]] = [:]
    var beginnings: [UInt64: [UInt8]] = [:]
    var letters: [UInt64: [UInt8]] = [:]
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      // Split by scalars: a vowel sign after a space forms one Character with it.
      let fields = line.unicodeScalars.split(separator: " ").map {
        String(String.UnicodeScalarView($0))
      }
      guard let kind = fields.first, !kind.hasPrefix("#") else { continue }
      let number = offset + 1
      func script(_ iso: String) throws -> Int {
        guard let code = table.code(ofISO: iso) else {
          throw FormatError(line: number, message: "unknown script \(iso)")
        }
        return code
      }
      switch kind {
      case "script" where fields.count == 3:
        languageOfScript[try script(fields[1])] = fields[2]
      case "fallback" where fields.count == 3:
        fallbackOfScript[try script(fields[1])] = fields[2]
      case "words" where fields.count > 3, "endings" where fields.count > 3,
        "beginnings" where fields.count > 3,
        "letters" where fields.count > 3:
        let candidate = try index(of: Candidate(language: fields[1], script: script(fields[2])))
        for item in fields.dropFirst(3) {
          let classified = item.unicodeScalars.map { table.classify($0) }
          guard classified.allSatisfy({ $0.script != ScriptTable.neutral }) else {
            throw FormatError(line: number, message: "'\(item)' is not made of letters")
          }
          let lowered = classified.map(\.lowercase)
          if kind == "words" {
            words[WordHash.of(lowered), default: []].insertOnce(candidate)
          } else if kind == "endings" || kind == "beginnings" {
            guard Self.affixLengths.contains(lowered.count) else {
              throw FormatError(line: number, message: "'\(item)' is not 2 to 4 letters")
            }
            if kind == "endings" {
              endings[WordHash.of(lowered), default: []].insertOnce(candidate)
            } else {
              beginnings[WordHash.of(lowered), default: []].insertOnce(candidate)
            }
          } else if lowered.count == 1 {
            letters[UInt64(lowered[0]), default: []].insertOnce(candidate)
          } else {
            throw FormatError(line: number, message: "'\(item)' is not one letter")
          }
        }
      case "han-simplified":
        simplifiedOnly.formUnion(fields.dropFirst().flatMap(\.unicodeScalars).map(\.value))
      case "han-traditional":
        traditionalOnly.formUnion(fields.dropFirst().flatMap(\.unicodeScalars).map(\.value))
      default:
        throw FormatError(line: number, message: "cannot read '\(line)'")
      }
    }
    self.words = CueTable(words)
    self.endings = CueTable(endings)
    self.beginnings = CueTable(beginnings)
    self.letters = CueTable(letters)
  }

  private mutating func index(of candidate: Candidate) throws -> UInt8 {
    if let found = candidates.firstIndex(of: candidate) { return UInt8(found) }
    guard candidates.count < Int(UInt8.max) else {
      throw FormatError(line: 0, message: "too many languages")
    }
    candidates.append(candidate)
    return UInt8(candidates.count - 1)
  }
}

/// FNV-1a over lowercase code points: words are looked up without building strings.
enum WordHash {
  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

  @inline(__always)
  static func adding(_ value: UInt32, to hash: UInt64) -> UInt64 {
    (hash ^ UInt64(value)) &* 0x0000_0100_0000_01b3
  }

  static func of(_ values: [UInt32]) -> UInt64 { values.reduce(seed) { adding($1, to: $0) } }

  /// The hash of the last `count` (2 to 4) letters of a word, given its last four letters
  /// with the last one first.
  @inline(__always)
  static func of(lastLetters count: Int, _ tail: (UInt32, UInt32, UInt32, UInt32)) -> UInt64 {
    var hash = seed
    if count >= 4 { hash = adding(tail.3, to: hash) }
    if count >= 3 { hash = adding(tail.2, to: hash) }
    hash = adding(tail.1, to: hash)
    return adding(tail.0, to: hash)
  }
}

extension [UInt8] {
  /// A cue listed twice for one language still counts once.
  fileprivate mutating func insertOnce(_ candidate: UInt8) {
    if !contains(candidate) { append(candidate) }
  }
}
