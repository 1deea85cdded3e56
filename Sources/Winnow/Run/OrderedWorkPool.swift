import Foundation

/// One item from the reader: work for a worker, or a result that needs no work (an input
/// failure, the end of an input file) but must still come out in its place.
enum PoolItem<Work, Result> {
  case work(Work)
  case ready(Result)
}

/// Runs a transform on several threads and hands the results to the caller in input order.
///
/// Why this shape: reading must be sequential (one stream, one file at a time), cleaning is
/// the CPU work and parallelizes, and the output must keep input order. So one reader
/// thread produces, `workers` threads transform, and the calling thread receives results
/// through a reorder buffer. At most `capacity` items are in flight (read but not yet
/// delivered), and their weight (bytes) stays under `budget` unless a single item is heavier,
/// so memory stays bounded however long the input is; a slow document holds back delivery
/// but never lets the buffer grow past these bounds.
final class OrderedWorkPool<Work: Sendable, Result: Sendable>: @unchecked Sendable {
  private let workers: Int
  private let capacity: Int
  private let budget: Int
  private let weigh: @Sendable (Work) -> Int
  private let condition = NSCondition()
  // Everything below is guarded by `condition`.
  /// Work not yet taken; taken slots are set to nil at once, so that a document is freed as
  /// soon as it is written, not when the queue is next compacted.
  private var pending: [(sequence: Int, work: Work)?] = []
  private var pendingHead = 0
  private var finished: [Int: Result] = [:]
  private var issued = 0
  private var delivered = 0
  /// The weight of each work item in flight, by sequence number, and their sum.
  private var weights: [Int: Int] = [:]
  private var weightInFlight = 0
  private var readerDone = false
  private var stopped = false

  init(
    workers: Int, capacity: Int, budget: Int = .max,
    weigh: @escaping @Sendable (Work) -> Int = { _ in 0 }
  ) {
    self.workers = max(1, workers)
    self.capacity = max(self.workers, capacity)
    self.budget = budget
    self.weigh = weigh
  }

  /// Reads with `produce` (on its own thread) until it returns nil, transforms each `.work`
  /// item with `transform` (on the worker threads), and calls `deliver` on the calling thread
  /// with every result in input order. `idle` runs on the calling thread before it waits
  /// for the next result, which is the moment to flush buffered output. When `deliver`
  /// returns false the run stops: nothing more is read and pending work is abandoned.
  func run(
    produce: @escaping @Sendable () -> PoolItem<Work, Result>?,
    transform: @escaping @Sendable (Work) -> Result,
    deliver: (Result) -> Bool,
    idle: () -> Void
  ) {
    let threads = DispatchGroup()
    start(in: threads) { self.readLoop(produce) }
    for _ in 0..<workers { start(in: threads) { self.workLoop(transform) } }
    if deliverLoop(deliver, idle) { threads.wait() }
  }

  private func start(in group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
    group.enter()
    let thread = Thread {
      body()
      group.leave()
    }
    // Deeply nested input can recurse deeply in the stages; the default secondary-thread
    // stack is much smaller than the main thread's.
    thread.stackSize = 16 << 20
    thread.start()
  }

  private func readLoop(_ produce: () -> PoolItem<Work, Result>?) {
    while true {
      condition.lock()
      while !stopped
        && (issued - delivered >= capacity || (weightInFlight >= budget && issued > delivered))
      {
        condition.wait()
      }
      let stop = stopped
      condition.unlock()
      guard !stop, let item = produce() else { break }
      let weight: Int
      if case .work(let work) = item { weight = weigh(work) } else { weight = 0 }
      condition.lock()
      switch item {
      case .work(let work):
        pending.append((issued, work))
        weights[issued] = weight
        weightInFlight += weight
      case .ready(let result): finished[issued] = result
      }
      issued += 1
      condition.broadcast()
      condition.unlock()
    }
    condition.lock()
    readerDone = true
    condition.broadcast()
    condition.unlock()
  }

  private func workLoop(_ transform: (Work) -> Result) {
    while true {
      condition.lock()
      while pendingHead == pending.count && !readerDone && !stopped { condition.wait() }
      guard !stopped, pendingHead < pending.count else {
        condition.unlock()
        return
      }
      guard let (sequence, work) = pending[pendingHead] else {
        preconditionFailure("a slot ahead of the queue's head was emptied")
      }
      pending[pendingHead] = nil
      pendingHead += 1
      if pendingHead == pending.count {
        pending.removeAll(keepingCapacity: true)
        pendingHead = 0
      } else if pendingHead >= 64 && pendingHead * 2 >= pending.count {
        pending.removeFirst(pendingHead)
        pendingHead = 0
      }
      condition.unlock()
      let result = transform(work)
      condition.lock()
      finished[sequence] = result
      condition.broadcast()
      condition.unlock()
    }
  }

  /// Returns true when every item was delivered, false when `deliver` asked to stop.
  private func deliverLoop(_ deliver: (Result) -> Bool, _ idle: () -> Void) -> Bool {
    var next = 0
    while true {
      condition.lock()
      var result = finished.removeValue(forKey: next)
      if result == nil && !(readerDone && next == issued) {
        condition.unlock()
        idle()
        condition.lock()
        while true {
          result = finished.removeValue(forKey: next)
          if result != nil || (readerDone && next == issued) { break }
          condition.wait()
        }
      }
      condition.unlock()
      guard let result else { return true }
      next += 1
      let goOn = deliver(result)
      // Counted only now: the item being written is still in memory, and in flight.
      condition.lock()
      delivered += 1
      weightInFlight -= weights.removeValue(forKey: next - 1) ?? 0
      stopped = !goOn
      condition.broadcast()
      condition.unlock()
      if !goOn { return false }
    }
  }
}
