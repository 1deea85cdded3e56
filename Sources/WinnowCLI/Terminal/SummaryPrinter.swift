import Foundation
import Winnow

/// The end of every `winnow clean` run: the totals on stderr (always, whatever
/// `--progress` says), and as JSON with `--summary-json`.
enum SummaryPrinter {
  static func report(_ summary: RunSummary, jsonPath: String?) {
    StandardError.write(summary.textLines.map { $0 + "\n" }.joined())
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
