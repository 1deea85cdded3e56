import Foundation
import Synchronization
import Testing

@testable import Winnow

@Suite struct OrderedWorkPoolTests {
  /// Workers finish out of order (random delays); delivery must still be in input order, with
  /// pass-through items in their places, and no more than `capacity` items in flight.
  @Test(arguments: [1, 2, 5])
  func deliversInInputOrderWithBoundedItemsInFlight(workers: Int) {
    let count = 300
    let capacity = workers * 4
    let produced = Atomic<Int>(0)
    let delivered = Atomic<Int>(0)
    let maxInFlight = Atomic<Int>(0)
    let pool = OrderedWorkPool<Int, Int>(workers: workers, capacity: capacity)
    var results: [Int] = []
    pool.run(
      produce: {
        let next = produced.load(ordering: .sequentiallyConsistent)
        guard next < count else { return nil }
        produced.store(next + 1, ordering: .sequentiallyConsistent)
        let inFlight = next + 1 - delivered.load(ordering: .sequentiallyConsistent)
        maxInFlight.store(
          max(maxInFlight.load(ordering: .sequentiallyConsistent), inFlight),
          ordering: .sequentiallyConsistent)
        return next % 7 == 0 ? .ready(-next) : .work(next)
      },
      transform: { value in
        usleep(UInt32.random(in: 0...300))
        return value
      },
      deliver: { value in
        results.append(value)
        delivered.add(1, ordering: .sequentiallyConsistent)
        return true
      },
      idle: {})
    #expect(results == (0..<count).map { $0 % 7 == 0 ? -$0 : $0 })
    #expect(maxInFlight.load(ordering: .sequentiallyConsistent) <= capacity)
  }

  /// Regression: taken work stayed referenced by the queue until it was compacted, so with a
  /// reader always ahead of a slow worker hundreds of documents stayed alive (the release
  /// binary peaked at 600 MB on a 450 MB JSONL file).
  @Test func workIsFreedOnceWritten() {
    let live = LiveCount()
    let produced = Atomic<Int>(0)
    let pool = OrderedWorkPool<Tracked, Int>(workers: 1, capacity: 4)
    pool.run(
      produce: {
        guard produced.add(1, ordering: .sequentiallyConsistent).newValue <= 400 else {
          return nil
        }
        return .work(Tracked(live))
      },
      transform: { tracked in
        usleep(100)
        return tracked.aliveAtCreation
      },
      deliver: { _ in true },
      idle: {})
    #expect(live.maximum.load(ordering: .sequentiallyConsistent) <= 6)
    #expect(live.current.load(ordering: .sequentiallyConsistent) == 0)
  }

  /// Heavy items (big documents) are held to the byte budget even when the item capacity
  /// would allow more; one item heavier than the budget still goes through alone.
  @Test func heavyItemsStayWithinTheBudget() {
    let live = LiveCount()
    let produced = Atomic<Int>(0)
    let pool = OrderedWorkPool<Tracked, Int>(
      workers: 2, capacity: 100, budget: 30, weigh: { _ in 10 })
    var results: [Int] = []
    pool.run(
      produce: {
        let next = produced.add(1, ordering: .sequentiallyConsistent).newValue
        return next <= 200 ? .work(Tracked(live)) : nil
      },
      transform: { tracked in
        usleep(50)
        return tracked.aliveAtCreation
      },
      deliver: { value in
        results.append(value)
        return true
      },
      idle: {})
    #expect(results.count == 200)
    // The budget admits 3 items (the capacity 100); each of the 2 workers may still hold the
    // value it last transformed for a moment, and the reader the one it last read.
    #expect(live.maximum.load(ordering: .sequentiallyConsistent) <= 6)
  }

  @Test func stopsReadingWhenDeliveryRefuses() {
    let produced = Atomic<Int>(0)
    let pool = OrderedWorkPool<Int, Int>(workers: 2, capacity: 8)
    var results: [Int] = []
    pool.run(
      produce: {
        let next = produced.add(1, ordering: .sequentiallyConsistent).newValue
        return next <= 1_000_000 ? .work(next) : nil
      },
      transform: { $0 },
      deliver: { value in
        results.append(value)
        return results.count < 10
      },
      idle: {})
    #expect(results == Array(1...10))
    usleep(20_000)
    #expect(produced.load(ordering: .sequentiallyConsistent) < 100)
  }
}

/// Counts live `Tracked` values and the most that were alive at once.
private final class LiveCount: Sendable {
  let current = Atomic<Int>(0)
  let maximum = Atomic<Int>(0)
}

private final class Tracked: Sendable {
  let live: LiveCount
  let aliveAtCreation: Int

  init(_ live: LiveCount) {
    self.live = live
    aliveAtCreation = live.current.add(1, ordering: .sequentiallyConsistent).newValue
    live.maximum.max(aliveAtCreation, ordering: .sequentiallyConsistent)
  }

  deinit { live.current.subtract(1, ordering: .sequentiallyConsistent) }
}
