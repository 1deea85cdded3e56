import Foundation
import Winnow

/// The end of every `winnow clean` run: the totals on stderr (always, whatever
/// `--progress` says), and as JSON with `--summary-json`.
enum SummaryPrinter {
  static func report(_ summary: RunSummary, seconds: Double, jsonPath: String?) {
    let rate = seconds > 0 ? Int(Double(summary.bytesIn) / seconds) : 0
    let timing = String(format: "winnow: took %.2f s, ", seconds) + ByteCount.format(rate) + "/s"
    StandardError.write(([timing] + summary.textLines).map { $0 + "\n" }.joined())
    guard let jsonPath else { return }
    do {
      let sink = try FileByteSink(path: jsonPath)
      try sink.write(summary.jsonLine)
      try sink.close()
    } catch {
      StandardError.write("winnow: error: \(error)\n")
    }
  }
}
