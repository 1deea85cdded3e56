extension InputReader: DocumentStream {}

extension BatchRunner {
  /// Runs the inputs named as on the command line (files, directories, `-`; none is stdin),
  /// walked by `InputWalker` and read by `InputReader` with `reading`.
  public func run(
    inputs: [String],
    reading: InputReader.Options,
    to output: RunOutput,
    errors: (any ByteSink)?,
    totalBytes: Int? = nil,
    progress: (RunProgress) -> Void = { _ in }
  ) -> RunSummary {
    run(
      InputWalker(inputs: inputs).makeIterator(),
      open: { item in InputReader.open(item, options: reading).map { $0 as any DocumentStream } },
      to: output, errors: errors, totalBytes: totalBytes, progress: progress)
  }
}
