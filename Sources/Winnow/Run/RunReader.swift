import Foundation

/// The reader thread's side of a run: walks the inputs, opens each in turn, and hands on
/// documents (for the workers) and everything else (failures, input boundaries) in order.
///
/// With an output directory, an input whose output is already complete is skipped before it
/// is opened: that is what makes a rerun after a kill cheap.
///
/// Entries travel in batches: handing each document to another thread costs a few
/// microseconds of waking and waiting, as much as cleaning a tweet-sized document. A batch
/// closes when it is full, and on stdin also as soon as no more input is waiting (on a FIFO
/// named as an input, after every document), so that a record fed into a pipeline comes out
/// without waiting for the next one.
final class RunReader: @unchecked Sendable {
  typealias Open = (InputItem) -> Result<any DocumentStream, InputFailure>

  /// The walk's next item. A closure rather than a generic iterator, so that the reader's
  /// type says nothing about the walk's and can cross to the reader thread.
  private let nextItem: () -> InputItem?
  private let open: Open
  private let directory: OutputDirectory?
  private let inline: Bool
  private var current: (stream: any DocumentStream, id: String, pace: Pace)?
  /// Whether reading the current input failed (a read error, corrupt gzip): its output is
  /// then incomplete.
  private var currentCutShort = false
  /// Output names taken by the inputs of this run (`--output-dir`), so that a second input
  /// mapping to one of them is reported instead of overwriting the first's output.
  private var claimedOutputs: Set<String> = []
  private let lock = NSLock()
  private var skippedCount = 0
  private var readCount = 0

  init(
    items: some IteratorProtocol<InputItem>, open: @escaping Open, directory: OutputDirectory?,
    inline: Bool
  ) {
    var items = items
    nextItem = { items.next() }
    self.open = open
    self.directory = directory
    self.inline = inline
  }

  /// Inputs skipped because their output was complete.
  var skipped: Int { lock.withLock { skippedCount } }

  /// Documents handed on, and failures in their place (an unreadable input, a bad JSONL
  /// line): what the summary's `read` counts, apart from the outcome counts.
  var read: Int { lock.withLock { readCount } }

  /// Entries (documents, failures, boundaries) in one batch, at most. Failures count too:
  /// a million bad JSONL lines in a row must not gather into one batch.
  static let batchEntries = 64
  /// Bytes in one batch, at most: documents' input bytes and failures' encoded records (a
  /// batch closes after the entry that crosses it).
  static let batchBytes = 1 << 18

  /// The next batch: documents for the workers, or only failures and boundaries, which need
  /// no worker; nil at the end of the inputs.
  func next() -> PoolItem<[RunEntry], [Delivery]>? {
    var batch: [RunEntry] = []
    var bytes = 0
    var documents = 0
    while batch.count < Self.batchEntries && bytes < Self.batchBytes {
      if !batch.isEmpty, let pace = current?.pace, !pace.mayReadOn { break }
      guard let entry = nextEntry() else { break }
      if case .document = entry { documents += 1 }
      bytes += entry.byteCount
      batch.append(entry)
    }
    if batch.isEmpty { return nil }
    let failures = batch.count { entry in
      guard case .ready(let delivery) = entry, case .failed = delivery.event else { return false }
      return true
    }
    lock.withLock { readCount += documents + failures }
    guard documents == 0 else { return .work(batch) }
    return .ready(
      batch.map { entry in
        if case .ready(let delivery) = entry { return delivery }
        preconditionFailure("a batch without documents holds only deliveries")
      })
  }

  /// How an input may be read on while a batch is open, without leaving documents read so
  /// far waiting on a slow producer.
  enum Pace {
    /// A regular file: reading never waits for long.
    case file
    /// Stdin: read on while bytes are waiting.
    case standardInput
    /// A FIFO or device named as an input: its descriptor is the reader's, so every
    /// document goes on at once.
    case stream

    init(_ item: InputItem) {
      switch item {
      case .stdin: self = .standardInput
      case .file(let file): self = file.size == nil ? .stream : .file
      case .failure: self = .file
      }
    }

    var mayReadOn: Bool {
      switch self {
      case .file: return true
      case .stream: return false
      case .standardInput:
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
      }
    }
  }

  private func nextEntry() -> RunEntry? {
    while true {
      if var input = current {
        let item = input.stream.next()
        current = input
        switch item {
        case .success(let document)?:
          return .document(document, folder: input.stream.surveyedFolder)
        case .failure(let failure)?:
          if failure.code.endsInput { currentCutShort = true }
          return .ready(.failure(failure, inline: inline))
        case nil:
          current = nil
          guard directory == nil else {
            return .ready(.boundary(.inputFinished(id: input.id, complete: !currentCutShort)))
          }
          continue
        }
      }
      guard let item = nextItem() else { return nil }
      let id: String
      switch item {
      case .failure(let failure): return .ready(.failure(failure, inline: inline))
      case .stdin: id = InputItem.stdinSource
      case .file(let file):
        if let directory, directory.contains(path: file.pathBytes) { continue }
        id = file.id
      }
      if let directory {
        let path = directory.outputPath(forID: id)
        guard claimedOutputs.insert(path).inserted else {
          return .ready(
            .failure(
              InputFailure(
                source: id, id: id, code: .outputCollision,
                message: "\(path) is already the output of an earlier input; not overwritten"),
              inline: inline))
        }
        if directory.isComplete(id: id) {
          lock.withLock { skippedCount += 1 }
          continue
        }
      }
      switch open(item) {
      case .failure(let failure):
        return .ready(.failure(failure, inline: inline))
      case .success(let stream):
        current = (stream, id, Pace(item))
        currentCutShort = false
        if directory != nil { return .ready(.boundary(.inputStarted(id: id))) }
      }
    }
  }
}

/// One entry of a batch, in input order: a document to clean, or something already decided.
enum RunEntry: Sendable {
  /// `folder`: the surveyed folder it belongs to, for the run's `RunContext`.
  case document(RawDocument, folder: String?)
  case ready(Delivery)
}

extension RunEntry {
  /// What the entry holds in memory: a document's input bytes, or a decided entry's encoded
  /// lines.
  var byteCount: Int {
    switch self {
    case .document(let document, _): document.byteCount
    case .ready(let delivery): delivery.line.count + delivery.errorLine.count
    }
  }
}
