import Foundation

/// How far a run has got, as the progress line shows it: documents and bytes so far, the
/// rate, and an estimate of the time left when the total is known (a directory walk knows
/// it up front; a stream does not).
public struct RunProgress: Sendable, Equatable {
  /// Documents finished (written, dropped or failed).
  public var documents: Int
  /// Input bytes of the finished documents.
  public var bytes: Int
  /// Total input bytes of the run, when known before it starts.
  public var totalBytes: Int?
  /// Seconds since the run started.
  public var elapsed: Double

  public init(documents: Int, bytes: Int, totalBytes: Int?, elapsed: Double) {
    self.documents = documents
    self.bytes = bytes
    self.totalBytes = totalBytes
    self.elapsed = elapsed
  }

  /// Input bytes per second so far.
  public var bytesPerSecond: Double {
    elapsed > 0 ? Double(bytes) / elapsed : 0
  }

  /// Seconds left at the current rate, when the total is known and the rate is not zero.
  public var estimatedSecondsLeft: Double? {
    guard let totalBytes, bytesPerSecond > 0 else { return nil }
    return Double(max(0, totalBytes - bytes)) / bytesPerSecond
  }
}
