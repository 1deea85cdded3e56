import Foundation
import Winnow

/// The end of every `winnow clean` run: the totals on stderr (always, whatever
/// `--progress` says), and as JSON with `--summary-json`.
enum SummaryPrinter {
  /// Returns false when the JSON file could not be written (the message is on stderr).
  static func report(_ summary: RunSummary, seconds: Double, jsonPath: String?) -> Bool {
    let rate = seconds > 0 ? Int(Double(summary.bytesIn) / seconds) : 0
    let timing = String(format: "winnow: took %.2f s, ", seconds) + ByteCount.format(rate) + "/s"
    StandardError.write(([timing] + summary.textLines).map { $0 + "\n" }.joined())
    guard let jsonPath else { return true }
    do {
      let sink = try FileByteSink(path: jsonPath)
      try sink.write(summary.jsonLine)
      try sink.close()
      return true
    } catch {
      StandardError.write("winnow: error: --summary-json: \(error)\n")
      return false
    }
  }
}
