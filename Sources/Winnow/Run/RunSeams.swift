/// The documents of one opened input, in order: one for a text file, one per line of JSONL.
public protocol DocumentStream {
  /// The next document or the failure of one (a bad JSONL line), nil at the end.
  mutating func next() -> Result<RawDocument, InputFailure>?

  /// The surveyed folder the documents belong to, whose evidence the run's `RunContext`
  /// holds; nil for inputs the survey did not read.
  var surveyedFolder: String? { get }
}

extension DocumentStream {
  public var surveyedFolder: String? { nil }
}

/// What a run knows beyond any one document, built once before it starts: the folder
/// survey's evidence, by folder. The runner hands each document's share to the pipeline,
/// which puts it on the page for the boilerplate stage.
public struct RunContext: Sendable {
  /// A run without a survey.
  public static let empty = RunContext(folderEvidence: [:])

  let folderEvidence: [String: any FolderEvidence]

  /// The evidence of `folder` (a `DocumentStream.surveyedFolder`), if the survey has some.
  func evidence(forFolder folder: String?) -> (any FolderEvidence)? {
    folder.flatMap { folderEvidence[$0] }
  }
}

/// Where a run's records go.
public enum RunOutput: Sendable {
  /// One stream for everything (stdout or `-o FILE`).
  case stream(any ByteSink & Sendable)
  /// One file per input under a directory (`--output-dir`).
  case directory(OutputDirectory)

  var directory: OutputDirectory? {
    if case .directory(let directory) = self { return directory }
    return nil
  }
}
