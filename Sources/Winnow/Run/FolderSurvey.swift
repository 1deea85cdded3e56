import Glibc

/// The survey pass of a run over directories: before cleaning, walks the directory inputs
/// in the run's order, decodes and normalizes each text file as the pipeline would, and
/// counts in how many pages of its folder every line occurs (`LineRepetitionSurvey`): the
/// lines in the form the boilerplate stage later looks them up in. Only the inputs that are
/// directories are surveyed: this is the one place that decides it. JSONL and WET inputs are
/// streams of unrelated documents and are not surveyed.
///
/// Only the first `pages_per_folder` text pages of each folder are read: the evidence is a
/// share of pages, which a sample shows as well, and a big folder is then not read twice.
/// Decoding, normalizing and fingerprinting run on `jobs` threads; pages are added to the survey in walk
/// order, so the tables are the same whatever the number of jobs.
struct FolderSurvey {
  let pipeline: Pipeline
  let reading: InputReader.Options
  let jobs: Int
  var followSymlinks = false

  /// The tables of every folder under the inputs that are directories, by folder path.
  func run(inputs: [String]) -> [String: LineRepetition] {
    let directories = inputs.filter(Self.isDirectory)
    guard !directories.isEmpty else { return [:] }
    let settings = pipeline.configuration.boilerplate.crossDocument
    var survey = LineRepetitionSurvey(
      maxTrackedLines: settings.maxTrackedLines, maxLineBytes: settings.maxLineBytes)
    let pages = SurveyPages(
      walk: InputWalker(inputs: directories, followSymlinks: followSymlinks).makeIterator(),
      reading: reading,
      pagesPerFolder: settings.pagesPerFolder)
    let pool = OrderedWorkPool<SurveyPage, SurveyedPage?>(
      workers: jobs, capacity: jobs * RunReader.batchEntries,
      budget: RunOptions.bytesInFlight, weigh: { $0.document.byteCount })
    pool.run(
      produce: { pages.next().map { .work($0) } },
      transform: { [pipeline] page in
        guard let text = pipeline.normalizedText(of: page.document) else { return nil }
        return SurveyedPage(
          folder: page.folder,
          fingerprints: LineRepetitionSurvey.fingerprints(
            of: text, maxLineBytes: settings.maxLineBytes))
      },
      deliver: { page in
        if let page { survey.add(fingerprints: page.fingerprints, folder: page.folder) }
        return true
      },
      idle: {})
    return survey.tables()
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

/// The documents of one text input of a surveyed folder, which the run's `RunContext` has
/// evidence for.
struct SurveyedStream: DocumentStream {
  var base: any DocumentStream
  let surveyedFolder: String?

  mutating func next() -> Result<RawDocument, InputFailure>? { base.next() }
}

/// A text page read for the survey, with the folder it counts in.
private struct SurveyPage: Sendable {
  let document: RawDocument
  let folder: String
}

/// What the survey keeps of a page: its folder and its lines' fingerprints.
private struct SurveyedPage: Sendable {
  let folder: String
  let fingerprints: [UInt64]
}

/// The reader thread's side of the survey: the first document of every text file under the
/// walk, up to `pagesPerFolder` per folder. Only the pool's reader thread calls `next()`.
private final class SurveyPages: @unchecked Sendable {
  private var walk: InputWalker.Iterator
  private let reading: InputReader.Options
  private let pagesPerFolder: Int
  private var pagesRead: [String: Int] = [:]

  init(walk: InputWalker.Iterator, reading: InputReader.Options, pagesPerFolder: Int) {
    self.walk = walk
    self.reading = reading
    self.pagesPerFolder = pagesPerFolder
  }

  func next() -> SurveyPage? {
    while let item = walk.next() {
      guard case .file(let file) = item else { continue }
      let folder = FolderSurvey.folder(of: file)
      guard pagesRead[folder, default: 0] < pagesPerFolder,
        case .success(var reader) = InputReader.open(item, options: reading),
        reader.format == .text,
        case .success(let document)? = reader.next()
      else { continue }
      pagesRead[folder, default: 0] += 1
      return SurveyPage(document: document, folder: folder)
    }
    return nil
  }
}
