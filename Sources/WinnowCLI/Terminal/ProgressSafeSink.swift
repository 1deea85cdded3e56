import Winnow

/// Error records on stderr, written so that they never land in the middle of the progress
/// line: the line is cleared first and redrawn by the next update. Each record is written
/// at once, so it appears next to the progress it interrupts, not at the next flush.
final class ProgressSafeSink: ByteSink {
  private let sink: any ByteSink
  private let progress: ProgressReporter

  init(_ sink: any ByteSink, progress: ProgressReporter) {
    self.sink = sink
    self.progress = progress
  }

  func write(_ bytes: [UInt8]) throws {
    progress.finish()
    try sink.write(bytes)
    try sink.flush()
  }

  func flush() throws { try sink.flush() }

  func close() throws { try sink.close() }
}
