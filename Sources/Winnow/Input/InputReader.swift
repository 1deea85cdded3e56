/// Reads the documents of one input lazily, one `next()` at a time, in memory independent of
/// the input's length (a text document is held whole, up to `limits.max_document_bytes`; a
/// JSONL line is held whole, as long as it is).
///
/// `open` resolves the format (`auto` looks at the name, then at the first bytes) and inflates
/// `.gz` transparently. `next()` yields documents, or failures of single documents (a bad
/// JSONL line, a document over the limit), and the reading goes on; a read error ends the
/// input with one `unreadable` failure. Its shape matches the runner's `DocumentReader` seam.
public struct InputReader {
  /// The format the input is read as, after `auto` was resolved.
  public let format: InputFormat
  private let reader: any FormatReader

  /// How a reader turns an input into documents.
  public struct Options: Sendable {
    public var format: InputFormat
    /// The JSONL member holding the text (`--text-field`).
    public var textField: String
    /// Larger documents are `too-large` failures (`limits.max_document_bytes`).
    public var sizeLimit: DocumentSizeLimit

    public init(format: InputFormat = .auto, textField: String = "text", maxDocumentBytes: Int) {
      self.init(
        format: format, textField: textField, sizeLimit: DocumentSizeLimit(bytes: maxDocumentBytes))
    }

    public init(
      format: InputFormat = .auto, textField: String = "text", sizeLimit: DocumentSizeLimit
    ) {
      self.format = format
      self.textField = textField
      self.sizeLimit = sizeLimit
    }
  }

  /// Opens `item` (a `.failure` item is returned as it is).
  public static func open(_ item: InputItem, options: Options) -> Result<InputReader, InputFailure>
  {
    let source: DescriptorSource
    let name: String
    let displayPath: String
    switch item {
    case .failure(let failure):
      return .failure(failure)
    case .stdin:
      source = DescriptorSource(descriptor: 0, owned: false)
      name = InputItem.stdinSource
      displayPath = "stdin"
    case .file(let file):
      switch DescriptorSource.open(file.pathBytes) {
      case .failure(let error):
        return .failure(
          InputFailure(
            source: file.id, id: file.id, code: .unreadable,
            message: "\(file.path): \(error.message)"))
      case .success(let opened): source = opened
      }
      name = file.id
      displayPath = file.path
    }
    let context = ReadContext(
      source: name, displayPath: displayPath, options: options,
      sizeHint: source.regularFileSize)
    do throws(InputReadError) {
      let raw = ByteReader(source: source)
      // Gzip is recognized by its magic bytes, not the name: a `.gz` name on plain text
      // (or gzip data without the name, as on stdin) is read for what it is.
      let isGzip = Array(try raw.peek(2)) == [0x1F, 0x8B]
      let bytes = isGzip ? ByteReader(source: try GzipSource(input: raw)) : raw
      let name = displayPath.hasSuffix(".gz") ? String(displayPath.dropLast(3)) : displayPath
      let format = try resolve(options, name: name, isStdin: item == .stdin, bytes: bytes)
      var context = context
      if isGzip { context.sizeHint = nil }
      let reader: any FormatReader =
        switch format {
        case .auto, .text: TextReader(bytes: bytes, context: context)
        case .jsonl: JSONLReader(bytes: bytes, context: context)
        case .wet: WETReader(bytes: bytes, context: context)
        }
      return .success(InputReader(format: format, reader: reader))
    } catch {
      return .failure(context.readFailure(error))
    }
  }

  /// The format by extension (`.jsonl`, `.ndjson`; `.wet`, `.warc`), else by what the first
  /// record really is (`FormatSniffer`).
  static func resolve(_ options: Options, name: String, isStdin: Bool, bytes: ByteReader)
    throws(InputReadError) -> InputFormat
  {
    guard options.format == .auto else { return options.format }
    let lowered = name.lowercased()
    if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return .jsonl }
    if lowered.hasSuffix(".wet") || lowered.hasSuffix(".warc") { return .wet }
    return try FormatSniffer.format(
      of: bytes, isStdin: isStdin, textField: options.textField,
      limit: options.sizeLimit.bytes)
  }

  public mutating func next() -> Result<RawDocument, InputFailure>? { reader.next() }
}

/// What every format reader needs to name documents and failures.
struct ReadContext {
  /// The documents' `source` (the file's id, or `-`).
  var source: String
  /// The path for messages.
  var displayPath: String
  var options: InputReader.Options
  /// The file's size when known before reading (not for gzip or pipes).
  var sizeHint: Int?

  func readFailure(_ error: InputReadError, line: Int? = nil) -> InputFailure {
    InputFailure(
      source: source, line: line, id: lineID(line), code: error.code,
      message: "\(displayPath): \(error.message)")
  }

  /// The id a failure without its own carries (for `--errors inline`): the input's id, or
  /// `source:line` for one line of it, as a JSONL object without an `id` member would get.
  func lineID(_ line: Int?) -> String {
    line.map { "\(source):\($0)" } ?? source
  }

  /// A document over the limit; `size` is its byte count when known (else it was only read
  /// up to the limit).
  func tooLarge(size: Int?, line: Int? = nil, id: String? = nil) -> InputFailure {
    options.sizeLimit.failure(source: source, line: line, id: id, size: size)
  }
}

/// One format's way of reading documents; a class so that `InputReader` stays a small value.
protocol FormatReader: AnyObject {
  func next() -> Result<RawDocument, InputFailure>?
}
