extension InputReader: DocumentStream {}

extension BatchRunner {
  /// Runs the inputs named as on the command line (files, directories, `-`; none is stdin),
  /// walked by `InputWalker` and read by `InputReader` with `reading`.
  ///
  /// With `options.surveyFolders` (and `boilerplate.cross_document.enabled`), the directory
  /// inputs are first surveyed (`FolderSurvey`); the run's `RunContext` holds each folder's
  /// `LineRepetition`, and every text page of a surveyed folder gets its folder's.
  public func run(
    inputs: [String],
    reading: InputReader.Options,
    to output: RunOutput,
    errors: (any ByteSink)?,
    totalBytes: Int? = nil,
    progress: (RunProgress) -> Void = { _ in }
  ) -> RunSummary {
    let boilerplate = pipeline.configuration.boilerplate
    let tables: [String: any FolderEvidence] =
      options.surveyFolders && boilerplate.enabled && boilerplate.crossDocument.enabled
      ? FolderSurvey(
        pipeline: pipeline, reading: reading, jobs: options.jobs,
        followSymlinks: options.followSymlinks
      ).run(inputs: inputs)
      : [:]
    return run(
      InputWalker(inputs: inputs, followSymlinks: options.followSymlinks).makeIterator(),
      open: { item in
        InputReader.open(item, options: reading).map { reader -> any DocumentStream in
          guard case .file(let file) = item, reader.format == .text else { return reader }
          let folder = FolderSurvey.folder(of: file)
          guard tables[folder] != nil else { return reader }
          return SurveyedStream(base: reader, surveyedFolder: folder)
        }
      },
      context: RunContext(folderEvidence: tables),
      to: output, errors: errors, totalBytes: totalBytes, progress: progress)
  }
}
