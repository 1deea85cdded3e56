/// How `--input-format auto` reads an input's first bytes: it leaves text only when the first
/// record really is one of the other formats, so that a text document starting with `{` or
/// `WARC/` (or a UTF-16 document, whose BOM or NUL bytes follow a `{`) is never rejected as
/// a broken record.
enum FormatSniffer {
  /// A byte order mark says the input is text in a Unicode encoding.
  static let byteOrderMarks: [[UInt8]] = [
    [0xEF, 0xBB, 0xBF], [0x00, 0x00, 0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0xFE, 0xFF],
    [0xFF, 0xFE],
  ]
  /// How far a WARC header block may run before the input is taken as text.
  static let maxHeaderBytes = 1 << 16

  /// WET when a whole WARC header block with a `Content-Length` comes first; JSONL (stdin
  /// only: files say so by their extension) when the first line parses as a JSON object
  /// holding `textField`'s member or not; otherwise text. Peeks at most the first line, up to
  /// `limit` bytes.
  static func format(
    of bytes: ByteReader, isStdin: Bool, textField: String, limit: Int
  ) throws(InputReadError) -> InputFormat {
    let head = try bytes.peek(16)
    if byteOrderMarks.contains(where: { head.starts(with: $0) }) { return .text }
    if head.starts(with: "WARC/".utf8) {
      return try startsWithWARCHeader(bytes) ? .wet : .text
    }
    guard isStdin,
      head.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{")
    else { return .text }
    let line = try firstLine(of: bytes, limit: limit)
    let parsed = Array(line).withUnsafeBufferPointer {
      JSONLineParser.parse($0, textField: textField)
    }
    if case .success = parsed { return .jsonl }
    return .text
  }

  /// The bytes before the first `\n` (all that was read when there is none within `limit`),
  /// after any blank lines.
  static func firstLine(of bytes: ByteReader, limit: Int) throws(InputReadError)
    -> ArraySlice<UInt8>
  {
    var size = 4096
    while true {
      let head = try bytes.peek(size)
      let text = head.drop(while: { [0x20, 0x09, 0x0A, 0x0D].contains($0) })
      if let newline = text.firstIndex(of: 0x0A) { return text[..<newline] }
      if head.count < size || size >= limit { return text }
      size = min(size * 2, limit)
    }
  }

  /// A `WARC/1.x` line, then header lines that each have a name and a `:`, up to a blank
  /// line, with a numeric `Content-Length` among them.
  static func startsWithWARCHeader(_ bytes: ByteReader) throws(InputReadError) -> Bool {
    let head = try bytes.peek(maxHeaderBytes)
    var lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).makeIterator()
    guard let version = lines.next(), version.starts(with: "WARC/1.".utf8) else { return false }
    var hasLength = false
    while let raw = lines.next() {
      let line = raw.last == 0x0D ? raw.dropLast() : raw
      if line.isEmpty { return hasLength }
      guard let field = WARCHeaderField(line) else { return false }
      if field.name == "content-length" { hasLength = Int(field.value).map { $0 >= 0 } ?? false }
    }
    return false
  }
}

/// One `Name: value` line of a WARC header; the name lowercased, the value trimmed.
struct WARCHeaderField {
  var name: String
  var value: String

  init?(_ line: ArraySlice<UInt8>) {
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
      return nil
    }
    name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
    let spaces: Set<UInt8> = [0x20, 0x09]
    let rest = line[(colon + 1)...].drop(while: spaces.contains)
    let end = rest.lastIndex(where: { !spaces.contains($0) }).map { $0 + 1 } ?? rest.startIndex
    value = String(decoding: rest[..<end], as: UTF8.self)
  }
}
