import CWinnowLangModel

/// Words that tell close sibling languages apart (Malay and Indonesian, Bokmål, Nynorsk and
/// Danish, Czech and Slovak, ...), where the character n-gram model cannot: their letter
/// sequences are nearly the same, their words are not. Built from word-frequency lists by
/// `scripts/train_sibling_words.py` into `sibling_words.txt`, which the binary carries.
struct SiblingWords: Sendable {
  /// Two siblings, in the order the file names them.
  struct Pair: Hashable, Sendable {
    var first: String
    var second: String
  }

  /// Per pair, each word's weight: the natural log of how much more often the first language
  /// uses it than the second (negative: the second).
  private var weights: [Pair: [String: Double]] = [:]

  static let bundled: SiblingWords = {
    let bytes = UnsafeRawBufferPointer(
      start: wn_sibling_words_bytes(), count: Int(wn_sibling_words_size()))
    do {
      return try SiblingWords(parsing: String(decoding: bytes, as: UTF8.self))
    } catch {
      // The build checks the file against its stamp, so this is a broken checkout.
      fatalError("the bundled sibling words are unusable: \(error)")
    }
  }()

  struct FormatError: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "line \(line): \(message)" }
  }

  /// Lines are `pair A B`, then `WORD WEIGHT` for that pair, the weight in tenths of a
  /// natural log; `#` starts a comment. Read byte by byte: the binary parses its 50,000 lines
  /// at every start.
  init(parsing text: String) throws(FormatError) {
    var text = text
    let failure: FormatError? = text.withUTF8 { bytes in
      var pair: Pair?
      var words: [String: Double] = [:]
      func finishPair() {
        if let pair { weights[pair] = words }
      }
      let failure = TextTableLines.forEach(in: bytes) { lineNumber, line, fields -> FormatError? in
        let head = fields[0]
        if fields.count == 3 && TextTableLines.field(head, is: "pair") {
          finishPair()
          pair = Pair(
            first: TextTableLines.string(fields[1]), second: TextTableLines.string(fields[2]))
          words = [:]
        } else if pair != nil, fields.count == 2, let tenths = TextTableLines.integer(fields[1]) {
          words[TextTableLines.string(head)] = Double(tenths) / 10
        } else {
          return FormatError(
            line: lineNumber, message: "cannot read '\(TextTableLines.string(line))'")
        }
        return nil
      }
      if failure == nil { finishPair() }
      return failure
    }
    if let failure { throw failure }
  }

  /// Whether the words can tell `language` and `rival` apart.
  func knows(_ language: String, _ rival: String) -> Bool {
    weights[Pair(first: language, second: rival)] != nil
      || weights[Pair(first: rival, second: language)] != nil
  }

  /// The languages the words can tell `language` from.
  func partners(of language: String) -> [String] {
    weights.keys.compactMap {
      $0.first == language ? $0.second : $0.second == language ? $0.first : nil
    }.sorted()
  }

  /// How much more `words` say `language` than `rival` (natural log), or nil when the two are
  /// not a known pair.
  func lead(of language: String, over rival: String, in words: [String]) -> Double? {
    let sign: Double
    let table: [String: Double]
    if let forward = weights[Pair(first: language, second: rival)] {
      (sign, table) = (1, forward)
    } else if let backward = weights[Pair(first: rival, second: language)] {
      (sign, table) = (-1, backward)
    } else {
      return nil
    }
    return sign * words.reduce(0) { $0 + (table[$1] ?? 0) }
  }
}

extension SiblingWords {
  /// The lowercased words of the first `letterLimit` letters of `text`: runs of letters and
  /// the marks within them. Each word's UTF-8 is gathered in one reused buffer and made a
  /// string once (appending scalar by scalar to a string cost more than the scoring of a
  /// short text).
  static func words<Text: ScalarSource>(of text: Text, table: ScriptTable, letterLimit: Int)
    -> [String]
  {
    var words: [String] = []
    var word: [UInt8] = []
    word.reserveCapacity(64)
    var letters = 0
    text.forEachScalarValue { value in
      // Valid strings only hold valid scalar values.
      let scalar = Unicode.Scalar(value)!
      let (script, lowercase) = table.classify(scalar)
      if script >= 0, let letter = Unicode.Scalar(lowercase) {
        appendUTF8(of: letter, to: &word)
        letters += 1
      } else if script == ScriptTable.mark && !word.isEmpty {
        appendUTF8(of: scalar, to: &word)
      } else if !word.isEmpty {
        words.append(String(decoding: word, as: UTF8.self))
        word.removeAll(keepingCapacity: true)
      }
      return letters < letterLimit
    }
    if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
    return words
  }

  @inline(__always)
  private static func appendUTF8(of scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    let value = scalar.value
    if value < 0x80 {
      bytes.append(UInt8(value))
    } else {
      UTF8.encode(scalar) { bytes.append($0) }
    }
  }
}
