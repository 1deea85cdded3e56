@testable import Winnow

/// Collects a run's output in memory.
final class MemorySink: ByteSink, @unchecked Sendable {
  var bytes: [UInt8] = []
  func write(_ bytes: [UInt8]) throws { self.bytes += bytes }
  func flush() throws {}
  func close() throws {}
}
