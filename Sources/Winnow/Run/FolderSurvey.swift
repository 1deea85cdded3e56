import Glibc

/// The survey pass of a run over directories: before cleaning, walks the directory inputs
/// in the run's order, decodes each text file as the pipeline would, and counts in how many
/// pages of its folder every line occurs (`LineRepetitionSurvey`). JSONL and WET inputs are
/// streams of unrelated documents and are not surveyed.
struct FolderSurvey {
  let pipeline: Pipeline
  let reading: InputReader.Options

  /// The tables of every folder under the inputs that are directories, by folder path.
  func run(inputs: [String]) -> [String: LineRepetition] {
    let directories = inputs.filter(Self.isDirectory)
    guard !directories.isEmpty else { return [:] }
    let settings = pipeline.configuration.boilerplate.crossDocument
    var survey = LineRepetitionSurvey(
      maxTrackedLines: settings.maxTrackedLines, maxLineBytes: settings.maxLineBytes)
    for item in InputWalker(inputs: directories) {
      guard case .file(let file) = item,
        case .success(var reader) = InputReader.open(item, options: reading),
        reader.format == .text,
        case .success(let document)? = reader.next(),
        let text = decodedText(document)
      else { continue }
      survey.add(page: text, folder: Self.folder(of: file))
    }
    return survey.tables()
  }

  private func decodedText(_ document: RawDocument) -> String? {
    switch document.content {
    case .text(let text): return text
    case .bytes(let bytes):
      guard bytes.count <= pipeline.configuration.limits.maxDocumentBytes,
        case .success(let decoded) = pipeline.decoder.decode(bytes)
      else { return nil }
      return decoded.text
    }
  }

  /// The folder a file belongs to: its path up to the last `/`.
  static func folder(of file: InputFile) -> String {
    guard let slash = file.path.lastIndex(of: "/") else { return "." }
    return String(file.path[..<slash])
  }

  private static func isDirectory(_ input: String) -> Bool {
    var status = stat()
    return input != "-" && stat(input, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }
}

/// The documents of one text input, each carrying its folder's line repetition.
struct SurveyedStream: DocumentStream {
  var base: any DocumentStream
  let repetition: LineRepetition

  mutating func next() -> Result<RawDocument, InputFailure>? {
    base.next().map { result in
      result.map { document in
        var document = document
        document.lineRepetition = repetition
        return document
      }
    }
  }
}
