/// The whole cleaning pipeline: decode, normalize, strip boilerplate, tag languages, and
/// build the record. Built once from a configuration and shared by all workers.
public struct Pipeline: Sendable {
  public let configuration: Configuration
  let decoder: CharsetDecoder
  let stages: [any Stage]

  /// Compiles every rule of the configuration; a bad rule fails here, never during a run.
  public init(configuration: Configuration) throws {
    self.configuration = configuration
    try configuration.decode.check()
    decoder = CharsetDecoder(settings: configuration.decode, languageModel: .bundled)
    var stages: [any Stage] = []
    if configuration.normalize.enabled {
      stages.append(try NormalizeStage(settings: configuration.normalize))
    }
    if configuration.boilerplate.enabled {
      stages.append(
        try BoilerplateStage(
          settings: configuration.boilerplate,
          regexTimePerDocument: configuration.limits.regexTimePerDocument))
    }
    if configuration.language.enabled {
      stages.append(try LanguageStage(settings: configuration.language))
    }
    self.stages = stages
  }

  /// Runs every stage over one document and returns the page with its verdicts, or why the
  /// document could not be read. `winnow explain` shows this page line by line.
  /// `folderEvidence` is what the run's survey found in the document's folder.
  public func process(_ document: RawDocument, folderEvidence: (any FolderEvidence)? = nil)
    -> Result<(Page, CleaningReport), InputFailure>
  {
    let decoded: DecodedText
    switch decode(document) {
    case .success(let text): decoded = text
    case .failure(let failure): return .failure(failure)
    }
    let maxLines = configuration.limits.maxLines
    guard let lineEnds = decoded.withUTF8({ Page.lineEnds($0, limit: maxLines) }) else {
      let lineCount = decoded.withUTF8(Page.lineCount)
      return .failure(
        failure(
          document, .tooLarge, "\(lineCount) lines is over limits.max_lines (\(maxLines))"))
    }
    var page = Page(source: document.source, decoded: decoded, lineEnds: lineEnds)
    page.lineRepetition = folderEvidence
    var report = CleaningReport()
    for stage in stages { stage.run(on: &page, report: &report) }
    return .success((page, report))
  }

  /// The document's text as the stages after normalization see it, lines joined by `\n`;
  /// nil when it cannot be decoded. The cross-document survey fingerprints this form, the
  /// same the boilerplate stage looks lines up in.
  func normalizedText(of document: RawDocument) -> String? {
    guard case .success(let decoded) = decode(document) else { return nil }
    var page = Page(source: document.source, decoded: decoded)
    var report = CleaningReport()
    for stage in stages where stage is NormalizeStage { stage.run(on: &page, report: &report) }
    return page.lines.map(\.text).joined(separator: "\n")
  }

  /// `limits.max_document_bytes`, as this pipeline's readers and its decoding apply it.
  public var sizeLimit: DocumentSizeLimit {
    DocumentSizeLimit(bytes: configuration.limits.maxDocumentBytes)
  }

  /// How to read inputs for this pipeline: `format` and `textField` as given, documents
  /// bounded by the configuration's `limits.max_document_bytes`.
  public func readingOptions(format: InputFormat = .auto, textField: String = "text")
    -> InputReader.Options
  {
    InputReader.Options(format: format, textField: textField, sizeLimit: sizeLimit)
  }

  /// Cleans one document into a record, a counted drop or an error; `folderEvidence` as for
  /// `process`.
  public func clean(_ document: RawDocument, folderEvidence: (any FolderEvidence)? = nil)
    -> Outcome
  {
    switch process(document, folderEvidence: folderEvidence) {
    case .failure(let failure): return .failed(failure)
    case .success(let (page, report)):
      if report.documentDropRule != nil {
        return .dropped(.rule, id: document.id, source: document.source)
      }
      let record = Record(document: document, page: page, report: report)
      if record.text.isEmpty && !configuration.output.keepEmpty {
        return .dropped(.empty, id: document.id, source: document.source)
      }
      return .record(record)
    }
  }

  /// The document's text: decoded from its bytes (within `limits.max_document_bytes`), or
  /// as given.
  func decode(_ document: RawDocument) -> Result<DecodedText, InputFailure> {
    switch document.content {
    case .text(let text):
      return .success(
        DecodedText(text: text, encoding: "UTF-8", confidence: 1, invalidBytes: 0))
    case .bytes(let bytes):
      guard sizeLimit.admits(bytes.count) else {
        return .failure(
          sizeLimit.failure(
            source: document.source, line: document.line, id: document.id, size: bytes.count))
      }
      return decoder.decode(bytes).mapError { failure(document, $0.code, $0.message) }
    }
  }

  private func failure(_ document: RawDocument, _ code: InputFailure.Code, _ message: String)
    -> InputFailure
  {
    InputFailure(
      source: document.source, line: document.line, id: document.id, code: code,
      message: message)
  }
}

extension Record {
  init(document: RawDocument, page: Page, report: CleaningReport) {
    // One walk over the lines: the kept ones and the characters counted in and kept. The
    // text joins the kept lines with one `\n` each, so its characters are theirs and those.
    var kept: [Int] = []
    kept.reserveCapacity(page.lines.count)
    var charsIn = 0
    var charsKept = 0
    for index in page.lines.indices {
      let characters = page.lines[index].text.codePointCount
      charsIn += characters
      if page.lines[index].isKept {
        kept.append(index)
        charsKept += characters
      }
    }
    let text = page.lines.joinedText(at: kept)
    self.init(
      id: document.id, source: document.source, text: text, title: page.title,
      byline: page.byline, date: page.date, language: page.language ?? "und",
      segments: page.segments, encoding: page.encoding,
      encodingConfidence: page.encodingConfidence, invalidBytes: page.invalidBytes,
      linesIn: page.lines.count, linesKept: kept.count,
      charsIn: charsIn, charsOut: charsKept + max(0, kept.count - 1), removals: report.removals,
      repairs: report.repairs,
      inputFields: document.fields)
    comments = page.comments
    ruleTimeouts = report.ruleTimeouts
    fallback = report.fallback
    pageType = report.pageType
  }
}

extension String {
  /// The number of Unicode code points, counted on the UTF-8 bytes (every byte that is not a
  /// continuation byte starts one): much cheaper than walking `unicodeScalars`.
  var codePointCount: Int {
    var string = self
    return string.withUTF8 { bytes in
      var count = bytes.count
      var index = 0
      // Eight bytes at a time: a continuation byte is the one whose top bit is set and
      // whose next bit is not.
      while index &+ 8 <= bytes.count {
        let word = ByteWord.load(bytes.baseAddress!, at: index)
        count &-= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
        index &+= 8
      }
      for byte in bytes[index...] where byte & 0xC0 == 0x80 { count &-= 1 }
      return count
    }
  }
}
