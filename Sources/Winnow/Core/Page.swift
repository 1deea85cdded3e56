/// A decoded document on its way through the stages: its lines, what has been learnt about
/// it, and finally its language segments.
public struct Page: Sendable {
  /// Where the document came from, for rules scoped by source path.
  public var source: String
  public var lines: [Line]
  /// The name of the encoding the bytes were decoded from, e.g. `UTF-8`, `GBK`.
  public var encoding: String
  public var encodingConfidence: Double
  /// Bytes that could not be decoded and became U+FFFD.
  public var invalidBytes: Int
  public var title: String?
  public var byline: String?
  public var date: String?
  /// The reader comments under the article, one string per comment (its paragraphs joined
  /// by `\n`), when `boilerplate.comments` is `field`.
  public var comments: [String] = []
  /// The language of the page as a whole, once the language stage has run.
  public var language: String?
  public var segments: [Segment] = []
  /// How often each line repeats across the pages of this page's folder, when the run
  /// surveyed it (see `LineRepetition`); nil for single documents and streams.
  public var lineRepetition: (any FolderEvidence)?

  public init(source: String, decoded: DecodedText) {
    self.source = source
    self.lines = Page.splitLines(decoded.text)
    self.encoding = decoded.encoding
    self.encodingConfidence = decoded.confidence
    self.invalidBytes = decoded.invalidBytes
  }

  /// Splits at `\n`, `\r\n` and `\r`; other separators (U+2028, U+0085) stay inside lines
  /// for the normalize stage to judge. Works on the UTF-8 bytes: both terminators are ASCII.
  static func splitLines(_ text: String) -> [Line] {
    var text = text
    return text.withUTF8 { bytes in
      var lines: [Line] = []
      forEachLine(in: bytes) { range in
        let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        lines.append(Line(number: lines.count + 1, text: line))
      }
      return lines
    }
  }

  /// How many lines `splitLines` makes of `text`, counted without making them: every line
  /// costs the stages a few hundred bytes, so the count is checked first
  /// (`limits.max_lines`).
  static func lineCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      var count = 0
      forEachLine(in: bytes) { _ in count += 1 }
      return count
    }
  }

  /// Calls `body` with the byte range of each line, without its terminator.
  private static func forEachLine(
    in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void
  ) {
    var start = 0
    var index = 0
    while index < bytes.count {
      // Eight bytes at a time while none of them ends a line, as most do not.
      while index + 8 <= bytes.count {
        let word = ByteWord.load(bytes.baseAddress!, at: index)
        if ByteWord.hasByte(0x0A, in: word) || ByteWord.hasByte(0x0D, in: word) { break }
        index += 8
      }
      guard index < bytes.count else { break }
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        body(start..<index)
        if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
        start = index + 1
      }
      index += 1
    }
    if start < bytes.count { body(start..<bytes.count) }
  }

  /// The lines that stay in the record's text, in order.
  public var keptLines: [Line] { lines.filter(\.isKept) }

  /// The clean text: kept lines, one paragraph each, separated by `\n`.
  public var text: String { lines.joinedText(at: lines.indices.filter { lines[$0].isKept }) }
}

extension [Line] {
  /// The texts of the lines at `indices`, separated by `\n`, without copying the lines.
  func joinedText(at indices: [Int]) -> String {
    indices.map { self[$0].text }.joined(separator: "\n")
  }
}
