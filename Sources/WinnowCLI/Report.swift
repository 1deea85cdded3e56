import ArgumentParser
import Foundation
import Winnow

/// `winnow report OUTPUT`: a corpus view of a run's JSONL output as one self-contained HTML
/// file. Reads the output as a stream and keeps only counts and a sample.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write an HTML report of a run's output (best made with 'winnow clean --explain').",
    discussion: """
      Shows removals by kind and by rule, documents by language, drops and failures \
      ('--drops inline --errors inline' lines), characters before and after, and a sample \
      of pages with their removed lines.
      """)

  @Argument(
    help: ArgumentHelp(
      "JSONL written by 'winnow clean': files or directories ('.gz' read too; '-' or none:"
        + " stdin).", valueName: "output"),
    completion: .file())
  var inputs: [String] = []

  @Option(help: ArgumentHelp("Records to show in the sample of pages.", valueName: "n"))
  var sample: Int = 20

  @Option(
    name: [.customShort("o"), .long],
    help: ArgumentHelp("Write the report to this file (default: stdout).", valueName: "file"))
  var output: String?

  func validate() throws {
    if sample < 0 { throw ValidationError("--sample must be 0 or more.") }
  }

  func run() throws {
    var tally = CorpusTally(sampleSize: sample)
    // Every file of a walk (`--output-dir` trees), in the walk's stable order.
    for item in InputWalker(inputs: inputs) {
      let failure: InputFailure?
      switch OutputReader.open(item) {
      case .failure(let opening): failure = opening
      case .success(let reader): failure = reader.read(into: &tally)
      }
      if let failure {
        StandardError.write("winnow: \(failure.message)\n")
        throw ExitCode(1)
      }
    }
    let name = inputs.isEmpty || inputs == ["-"] ? "stdin" : inputs.joined(separator: ", ")
    let html = ReportView(tally: tally, inputName: name).render()
    do {
      let sink = try output.map { try FileByteSink(path: $0) } ?? FileByteSink.standardOutput()
      try sink.write(Array(html.utf8))
      try sink.close()
    } catch {
      if OutputError.isClosedPipe(error) { return }
      StandardError.write("winnow: error: \(error)\n")
      throw ExitCode(1)
    }
  }
}
