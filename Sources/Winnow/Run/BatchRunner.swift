import Foundation

/// Cleans a whole run of inputs on all cores and writes the outcomes in input order.
///
/// One thread reads (inputs are streams and must be read in order), `options.jobs` threads
/// clean and encode (the CPU work), and the calling thread writes bytes through a reorder
/// buffer (see `OrderedWorkPool`). Documents travel in small batches (see `RunReader`), at
/// most a few per job in flight, so memory does not grow with the corpus; output is flushed
/// whenever the writer would wait, so records reach a downstream pipe as soon as they are
/// ready.
///
/// The returned summary has every document counted once: read = written + dropped + failed,
/// with `read` counted by the reader and the rest by the writer.
/// A failure never stops the run; a closed output does, quietly (`summary.outputClosed`).
public struct BatchRunner: Sendable {
  public let pipeline: Pipeline
  public let options: RunOptions

  public init(pipeline: Pipeline, options: RunOptions) {
    self.pipeline = pipeline
    self.options = options
  }

  /// Runs every input of `items` (as `InputWalker` yields them, opened with `open`) through
  /// the pipeline into `output`; error records go to `errors` unless routed inline. `context`
  /// holds what the run learnt before it started (the folder survey's evidence).
  /// `totalBytes`, when known, gives the progress an ETA; `progress` is called on the calling
  /// thread after each batch of documents is written. The caller closes `output`.
  public func run<Items: IteratorProtocol<InputItem>>(
    _ items: Items,
    open: @escaping @Sendable (InputItem) -> Result<any DocumentStream, InputFailure>,
    context: RunContext = .empty,
    to output: RunOutput,
    errors: (any ByteSink)?,
    totalBytes: Int? = nil,
    progress: (RunProgress) -> Void = { _ in }
  ) -> RunSummary {
    var writer = RunWriter(output: output, errors: errors)
    let reader = RunReader(
      items: items, open: open, directory: output.directory, inline: options.errors == .inline)
    output.directory?.removeStaleTemporaries()
    let pool = OrderedWorkPool<[RunEntry], [Delivery]>(
      workers: options.jobs, capacity: options.jobs * RunOptions.batchesInFlightPerJob,
      budget: RunOptions.bytesInFlight, weigh: { batch in batch.reduce(0) { $0 + $1.byteCount } })
    let start = Date()
    pool.run(
      produce: { reader.next() },
      transform: { batch in
        batch.map { entry in
          switch entry {
          case .document(let document, let folder):
            self.clean(document, evidence: context.evidence(forFolder: folder))
          case .ready(let delivery): delivery
          }
        }
      },
      deliver: { deliveries in
        for delivery in deliveries where !writer.write(delivery) { return false }
        progress(
          RunProgress(
            documents: writer.summary.accounted, bytes: writer.summary.bytesIn,
            totalBytes: totalBytes, elapsed: Date().timeIntervalSince(start)))
        return true
      },
      idle: { writer.flush() })
    var summary = writer.finish()
    summary.read = reader.read
    summary.skipped = reader.skipped
    return summary
  }

  /// The workers' part: clean one document and encode what comes of it.
  func clean(_ document: RawDocument, evidence: (any FolderEvidence)? = nil) -> Delivery {
    let bytesIn = document.byteCount
    switch pipeline.clean(document, folderEvidence: evidence) {
    case .record(let record):
      return Delivery(
        event: .written(bytesOut: record.text.utf8.count),
        line: RecordEncoder.encode(record, explain: options.explain), bytesIn: bytesIn)
    case .dropped(let reason, let id, let source):
      let line =
        options.drops == .inline
        ? DropRecordEncoder.encode(reason, id: id, source: source) : []
      return Delivery(event: .dropped(reason), line: line, bytesIn: bytesIn)
    case .failed(let failure):
      return Delivery.failure(failure, inline: options.errors == .inline, bytesIn: bytesIn)
    }
  }
}

extension RawDocument {
  /// Size of the document as read, for progress and the summary's bytes in.
  var byteCount: Int {
    switch content {
    case .bytes(let bytes): bytes.count
    case .text(let text): text.utf8.count
    }
  }
}
