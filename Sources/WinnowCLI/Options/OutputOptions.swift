import ArgumentParser
import Foundation
import Winnow

extension DropRouting: ExpressibleByArgument {}

/// Where records, errors and totals go, and how the run shows itself on the terminal.
struct OutputOptions: ParsableArguments {
  @Option(
    name: [.customShort("o"), .long],
    help: ArgumentHelp("Write records to this file ('.gz' compresses).", valueName: "file"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Write one '.jsonl' per input file under this directory, atomically; a rerun skips"
        + " inputs whose output is complete.", valueName: "dir"))
  var outputDir: String?

  @Option(
    help: ArgumentHelp(
      "Write error records to this file, or 'inline' into the output (then failures do not"
        + " change the exit status). Default: stderr.", valueName: "file"))
  var errors: String?

  @Option(
    help: ArgumentHelp(
      "'inline' writes a drop record ({\"id\", \"source\", \"dropped\": reason}) into the"
        + " output for each dropped document, so a caller can pair every input with an output"
        + " line; 'count' only counts drops.", valueName: "count|inline"))
  var drops: DropRouting = .count

  @Flag(help: "List every removed line in the records (winnow.removed_lines).")
  var explain = false

  @Option(help: "Show a progress line on stderr.")
  var progress: ProgressMode = .auto

  @Option(help: ArgumentHelp("Write the run's totals to this file as JSON.", valueName: "file"))
  var summaryJson: String?

  /// `--errors inline` routes error records into the output stream.
  var errorsInline: Bool { errors == "inline" }

  func validate() throws {
    if output != nil && outputDir != nil {
      throw ValidationError("-o/--output and --output-dir cannot be used together.")
    }
    if errors?.isEmpty == true {
      throw ValidationError("--errors needs a file name or 'inline'.")
    }
  }
}
