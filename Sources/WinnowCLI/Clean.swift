import ArgumentParser
import Foundation
import Winnow

/// `winnow clean`: inputs in, JSONL records out, a summary on stderr.
struct Clean: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Clean inputs into JSONL records, one per kept document, in input order.",
    discussion: """
      Exit status: 0 when all went well, 1 when some inputs failed (each has an error \
      record), 2 for a usage or config error (then nothing is processed).
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions

  @OptionGroup var configOptions: ConfigOptions

  @Option(
    name: [.customShort("j", allowingJoined: true), .long],
    help: ArgumentHelp("Documents cleaned in parallel (default: all cores).", valueName: "n"))
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    if output.outputDir != nil && (input.inputs.isEmpty || input.inputs.contains("-")) {
      throw ValidationError("--output-dir needs input files or directories, not stdin.")
    }
  }

  func run() throws {
    let plan = try CleanPlan(self)
    let start = Date()
    let summary = plan.run()
    let summaryWritten = SummaryPrinter.report(
      summary, seconds: Date().timeIntervalSince(start), jsonPath: output.summaryJson)
    if let problem = summary.outputError {
      StandardError.write("winnow: error: \(problem)\n")
      throw ExitCode(1)
    }
    if let problem = summary.errorsError {
      StandardError.write("winnow: error: --errors: \(problem)\n")
      throw ExitCode(1)
    }
    if !summaryWritten { throw ExitCode(1) }
    if summary.failed > 0 && !output.errorsInline && !summary.outputClosed { throw ExitCode(1) }
  }
}
