import Foundation
import Testing

@testable import Winnow

/// Decode + line split + repair + normalize on one core, in process (no reading or writing
/// of records): run by bench/normalize.sh in release mode with WINNOW_BENCH set to its
/// corpus directory; skipped otherwise. It reports the thread's CPU time beside the wall
/// clock, because on a shared machine the wall clock measures the load.
@Suite struct NormalizeThroughputTests {
  static let corpus = ProcessInfo.processInfo.environment["WINNOW_BENCH"]

  @Test(.enabled(if: corpus != nil)) func decodeRepairNormalizeThroughput() throws {
    let root = URL(fileURLWithPath: try #require(Self.corpus))
    var documents: [[UInt8]] = []
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = walker?.nextObject() as? URL {
      if url.pathExtension == "txt" { documents.append(Array(try Data(contentsOf: url))) }
    }
    var configuration = Configuration.builtIn
    configuration.boilerplate.enabled = false
    configuration.language.enabled = false
    let pipeline = try Pipeline(configuration: configuration)
    let bytes = documents.reduce(0) { $0 + $1.count }
    var lines = 0
    let cpuStart = Self.threadCPUSeconds()
    let elapsed = ContinuousClock().measure {
      for (index, document) in documents.enumerated() {
        let raw = RawDocument(id: "\(index)", source: "bench", content: .bytes(document))
        if case .success(let (page, _)) = pipeline.process(raw) { lines += page.lines.count }
      }
    }
    let cpuSeconds = Self.threadCPUSeconds() - cpuStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let megabytes = Double(bytes) / 1e6
    print(
      "decode + repair + normalize: \(documents.count) documents, \(bytes / 1_048_576) MiB,"
        + " \(String(format: "%.2f", seconds)) s, "
        + "\(String(format: "%.1f", megabytes / seconds)) MB/s on one core, "
        + "\(String(format: "%.1f", megabytes / cpuSeconds)) MB per CPU-second")
    #expect(lines > documents.count)
  }

  private static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
