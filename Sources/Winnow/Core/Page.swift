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
    self.init(
      source: source, decoded: decoded,
      lineEnds: decoded.withUTF8 { Page.lineEnds($0, limit: .max) }!)
  }

  /// `lineEnds` is `Page.lineEnds` of the decoded bytes, for a caller that found them to
  /// count the lines.
  init(source: String, decoded: DecodedText, lineEnds: [Int]) {
    self.source = source
    self.lines = decoded.withUTF8 { Page.splitLines($0, ends: lineEnds) }
    self.encoding = decoded.encoding
    self.encodingConfidence = decoded.confidence
    self.invalidBytes = decoded.invalidBytes
  }

  /// Splits at `\n`, `\r\n` and `\r`; other separators (U+2028, U+0085) stay inside lines
  /// for the normalize stage to judge. Works on the UTF-8 bytes: both terminators are ASCII.
  static func splitLines(_ text: String) -> [Line] {
    var text = text
    return text.withUTF8 { splitLines($0, ends: lineEnds($0, limit: .max)!) }
  }

  /// The same for UTF-8 `bytes`, `ends` being `lineEnds(bytes)`: the array is made at its
  /// size, each line built in place.
  private static func splitLines(_ bytes: UnsafeBufferPointer<UInt8>, ends: [Int]) -> [Line] {
    [Line](unsafeUninitializedCapacity: ends.count) { lines, made in
      var start = 0
      for end in ends {
        let line = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        (lines.baseAddress! + made).initialize(to: Line(number: made + 1, text: line))
        made += 1
        // The last line may end at the end of `bytes`, with no terminator to step past.
        if end < bytes.count { start = nextLineStart(in: bytes, after: end) }
      }
    }
  }

  /// Where each line of UTF-8 `bytes` ends (at its terminator, or the end of `bytes`), found
  /// once for counting the lines and splitting them; nil when there are more than `limit`
  /// lines, so that `limits.max_lines` bounds the array too.
  static func lineEnds(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [Int]? {
    var ends: [Int] = []
    // Room for lines of 64 bytes on average, within the limit.
    ends.reserveCapacity(min(limit, bytes.count / 64 + 1))
    var overLimit = false
    forEachLineEnd(in: bytes) { end in
      overLimit = ends.count == limit
      if !overLimit { ends.append(end) }
      return !overLimit
    }
    return overLimit ? nil : ends
  }

  /// How many lines `splitLines` makes of `text`, counted without keeping anything: the
  /// message of a page over `limits.max_lines` (which `lineEnds` stops at) gives it.
  static func lineCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8(lineCount)
  }

  /// The same for UTF-8 `bytes`.
  static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    forEachLineEnd(in: bytes) { _ in
      count += 1
      return true
    }
    return count
  }

  /// Calls `body` with where each line ends, without its terminator, while it returns true.
  private static func forEachLineEnd(
    in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool
  ) {
    var start = 0
    while start < bytes.count {
      let end = lineEnd(in: bytes, from: start)
      guard body(end), end < bytes.count else { return }
      start = nextLineStart(in: bytes, after: end)
    }
  }

  /// Where the line after the terminator at `end` starts: past `\r\n` as one terminator.
  @inline(__always)
  private static func nextLineStart(in bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Int {
    let start = end + 1
    return bytes[end] == 0x0D && start < bytes.count && bytes[start] == 0x0A ? start + 1 : start
  }

  /// Where the first `\n` or `\r` at or after `start` is, or the end of `bytes`. Eight
  /// bytes at a time while none of them ends a line, as most do not; the first that does
  /// is the lowest marked byte of its word.
  private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index &+ 8 <= bytes.count {
      let word = ByteWord.load(bytes.baseAddress!, at: index)
      let ends = ByteWord.marks(of: 0x0A, in: word) | ByteWord.marks(of: 0x0D, in: word)
      if ends != 0 { return index &+ ends.trailingZeroBitCount >> 3 }
      index &+= 8
    }
    while index < bytes.count && bytes[index] != 0x0A && bytes[index] != 0x0D { index &+= 1 }
    return index
  }

  /// The lines that stay in the record's text, in order.
  public var keptLines: [Line] { lines.filter(\.isKept) }

  /// The clean text: kept lines, one paragraph each, separated by `\n`.
  public var text: String { lines.joinedText(at: lines.indices.filter { lines[$0].isKept }) }
}

extension [Line] {
  /// The texts of the lines at `indices`, separated by `\n`, without copying the lines:
  /// their bytes copied into one string made at its size (appending string to string costs
  /// more a line than the check of the bytes the string makes).
  func joinedText(at indices: [Int]) -> String {
    guard !indices.isEmpty else { return "" }
    let size = indices.reduce(indices.count - 1) { $0 + self[$1].text.utf8.count }
    return String(unsafeUninitializedCapacity: size) { buffer in
      var end = 0
      for (position, index) in indices.enumerated() {
        if position > 0 {
          buffer[end] = 0x0A
          end += 1
        }
        var text = self[index].text
        text.withUTF8 { utf8 in
          guard let start = utf8.baseAddress, !utf8.isEmpty else { return }
          UnsafeMutableRawPointer(buffer.baseAddress! + end).copyMemory(
            from: start, byteCount: utf8.count)
          end += utf8.count
        }
      }
      return end
    }
  }
}
