import Foundation

/// The writing side of a run, on the calling thread: writes encoded outcomes in order,
/// opens and commits the per-input files of `--output-dir`, and keeps the counts.
struct RunWriter {
  private let output: RunOutput
  private let errors: (any ByteSink)?
  private(set) var summary = RunSummary()
  /// Where records go now: the stream, or the temp file of the current input.
  private var current: (any ByteSink)?
  private var currentID: String?

  init(output: RunOutput, errors: (any ByteSink)?) {
    self.output = output
    self.errors = errors
    if case .stream(let sink) = output { current = sink }
  }

  /// Writes one delivery; false when the output can take no more (closed or failed).
  mutating func write(_ delivery: Delivery) -> Bool {
    // A flush between batches may have found the output closed or broken.
    guard !summary.outputClosed, summary.outputError == nil else { return false }
    switch delivery.event {
    case .inputStarted(let id):
      return open(id: id)
    case .inputFinished(let id, let complete):
      return finishInput(id: id, complete: complete)
    case .written(let bytesOut):
      summary.countWritten(bytesIn: delivery.bytesIn, bytesOut: bytesOut)
    case .dropped(let reason):
      summary.countDropped(reason, bytesIn: delivery.bytesIn)
    case .failed(let failure):
      summary.countFailed(failure, bytesIn: delivery.bytesIn)
      if !delivery.errorLine.isEmpty || current == nil {
        writeError(delivery.errorLine.isEmpty ? delivery.line : delivery.errorLine)
        return true
      }
    }
    return emit(delivery.line)
  }

  /// Pushes buffered output on, so that a consumer downstream sees records while the next
  /// ones are being cleaned.
  mutating func flush() {
    guard let current else { return }
    do { try current.flush() } catch { fail(error) }
    flushErrors()
  }

  /// Ends the run: flushes the stream. A directory's last input was committed already; a
  /// temp file left open (the run was stopped) is left for the next run to remove.
  mutating func finish() -> RunSummary {
    if case .stream = output, !summary.outputClosed, summary.outputError == nil { flush() }
    flushErrors()
    return summary
  }

  private mutating func emit(_ line: [UInt8]) -> Bool {
    guard !line.isEmpty, let current else { return true }
    do {
      try current.write(line)
      return true
    } catch {
      fail(error)
      return false
    }
  }

  private mutating func writeError(_ line: [UInt8]) {
    guard let errors else { return }
    // A failed errors destination must not stop the run: the counts still say what failed.
    do { try errors.write(line) } catch { failErrors(error) }
  }

  private mutating func flushErrors() {
    do { try errors?.flush() } catch { failErrors(error) }
  }

  /// Notes the first failure to write error records; a closed pipe (stderr read by `head`)
  /// is not one, as for the output.
  private mutating func failErrors(_ error: any Error) {
    guard !OutputError.isClosedPipe(error), summary.errorsError == nil else { return }
    summary.errorsError = "\(error)"
  }

  private mutating func open(id: String) -> Bool {
    guard case .directory(let directory) = output else { return true }
    do {
      try directory.createParent(forID: id)
      current = try FileByteSink(path: directory.temporaryPath(forID: id))
      currentID = id
      return true
    } catch {
      fail(error)
      return false
    }
  }

  private mutating func finishInput(id: String, complete: Bool) -> Bool {
    guard case .directory(let directory) = output, let sink = current, currentID == id else {
      return true
    }
    do {
      try sink.close()
      if complete {
        try directory.commit(id: id)
      } else {
        directory.discard(id: id)
      }
      current = nil
      currentID = nil
      return true
    } catch {
      fail(error)
      return false
    }
  }

  private mutating func fail(_ error: any Error) {
    if OutputError.isClosedPipe(error) {
      summary.outputClosed = true
    } else if summary.outputError == nil {
      summary.outputError = "\(error)"
    }
  }
}
