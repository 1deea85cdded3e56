import ArgumentParser
import Foundation
import Synchronization
import Winnow

/// Whether to draw the progress line.
enum ProgressMode: String, CaseIterable, ExpressibleByArgument {
  /// Only when stderr is a terminal: a log file should not fill with carriage returns.
  case auto
  case always
  case never

  var isEnabled: Bool {
    switch self {
    case .auto: StandardError.isTerminal
    case .always: true
    case .never: false
    }
  }
}

/// Draws one updating progress line on stderr: documents, bytes, rate and time left.
final class ProgressReporter {
  let isEnabled: Bool
  private var lastDrawn = -Double.infinity
  private var drawn = false
  /// Redrawing more often than this only costs time; the eye cannot follow it anyway.
  private let interval = 0.25
  /// Bytes the whole run will read, once a walk beside the run has added them up.
  private let measuredTotal = MeasuredTotal()

  init(mode: ProgressMode) {
    isEnabled = mode.isEnabled
  }

  func update(_ progress: RunProgress) {
    guard isEnabled, progress.elapsed - lastDrawn >= interval else { return }
    lastDrawn = progress.elapsed
    drawn = true
    var progress = progress
    progress.totalBytes = progress.totalBytes ?? measuredTotal.bytes.withLock { $0 }
    StandardError.write("\r\u{1B}[K" + Self.line(progress))
  }

  /// Adds up the sizes of the files the run will read, on a thread of its own so that the
  /// run need not wait for a second walk of a large tree; the ETA appears when it is done.
  /// Stdin among the inputs means the total is unknown. Gzip files count compressed while
  /// progress counts what they inflate to, so with them the estimate comes out too short.
  func measureTotal(of inputs: [String], followSymlinks: Bool) {
    let total = measuredTotal
    let thread = Thread {
      var sum = 0
      for item in InputWalker(inputs: inputs, followSymlinks: followSymlinks) {
        switch item {
        case .stdin: return
        case .failure: continue
        case .file(let file): sum += file.size ?? 0
        }
      }
      total.bytes.withLock { $0 = sum }
    }
    thread.start()
  }

  /// Clears the line so that the summary (or an error line) starts on a clean one; the next
  /// update draws it again.
  func finish() {
    guard drawn else { return }
    StandardError.write("\r\u{1B}[K")
    drawn = false
  }

  static func line(_ progress: RunProgress) -> String {
    var parts = [
      "\(progress.documents) docs",
      ByteCount.format(progress.bytes),
      ByteCount.format(Int(progress.bytesPerSecond)) + "/s",
    ]
    if let total = progress.totalBytes, total > 0 {
      let percent = min(100, progress.bytes * 100 / total)
      parts.insert("\(percent)%", at: 0)
    }
    if let left = progress.estimatedSecondsLeft {
      parts.append("ETA " + Self.duration(left))
    }
    return "winnow: " + parts.joined(separator: ", ")
  }

  static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.up))
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
    let tail = String(format: "%02d:%02d", minutes, secs)
    return hours > 0 ? "\(hours):" + tail : tail
  }
}

/// The run's total input bytes, shared between the thread that adds them up and the writer.
private final class MeasuredTotal: Sendable {
  let bytes = Mutex<Int?>(nil)
}

/// Human-readable byte counts in powers of 1024, as progress and summary lines show them.
enum ByteCount {
  static func format(_ bytes: Int) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return unit == 0 ? "\(bytes) B" : String(format: "%.1f ", value) + units[unit]
  }
}
