import Foundation

/// The reader thread's side of a run: walks the inputs, opens each in turn, and hands on
/// documents (for the workers) and everything else (failures, input boundaries) in order.
///
/// With an output directory, an input whose output is already complete is skipped before it
/// is opened: that is what makes a rerun after a kill cheap.
final class RunReader<Items: IteratorProtocol<InputItem>>: @unchecked Sendable {
  typealias Open = (InputItem) -> Result<any DocumentStream, InputFailure>

  private var items: Items
  private let open: Open
  private let directory: OutputDirectory?
  private let inline: Bool
  private var current: (stream: any DocumentStream, id: String)?
  private let lock = NSLock()
  private var skippedCount = 0

  init(items: Items, open: @escaping Open, directory: OutputDirectory?, inline: Bool) {
    self.items = items
    self.open = open
    self.directory = directory
    self.inline = inline
  }

  /// Inputs skipped because their output was complete.
  var skipped: Int { lock.withLock { skippedCount } }

  func next() -> PoolItem<RawDocument, Delivery>? {
    while true {
      if var input = current {
        let item = input.stream.next()
        current = input
        switch item {
        case .success(let document)?: return .work(document)
        case .failure(let failure)?: return .ready(.failure(failure, inline: inline))
        case nil:
          current = nil
          guard directory == nil else { return .ready(.boundary(.inputFinished(id: input.id))) }
          continue
        }
      }
      guard let item = items.next() else { return nil }
      let id: String
      switch item {
      case .failure(let failure): return .ready(.failure(failure, inline: inline))
      case .stdin: id = InputItem.stdinSource
      case .file(let file):
        if let directory, directory.contains(path: file.pathBytes) { continue }
        id = file.id
      }
      if let directory, directory.isComplete(id: id) {
        lock.withLock { skippedCount += 1 }
        continue
      }
      switch open(item) {
      case .failure(let failure):
        return .ready(.failure(failure, inline: inline))
      case .success(let stream):
        current = (stream, id)
        if directory != nil { return .ready(.boundary(.inputStarted(id: id))) }
      }
    }
  }
}
