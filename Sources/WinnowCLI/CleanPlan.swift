import ArgumentParser
import Foundation
import Winnow

/// `winnow clean`'s options resolved into what the library runs: a compiled pipeline, the
/// input walk, the output and error destinations. Everything that can be wrong with the
/// command line or the config fails here, before a single input is read (exit 2).
struct CleanPlan {
  let runner: BatchRunner
  let inputs: [String]
  let reading: InputReader.Options
  let output: RunOutput
  let errors: any ByteSink
  let progress: ProgressReporter

  init(_ command: Clean) throws {
    let configuration = try command.configOptions.load()
    let pipeline = try Pipeline.forCommand(configuration)
    runner = BatchRunner(
      pipeline: pipeline,
      options: RunOptions(
        jobs: Self.jobs(command.jobs), explain: command.output.explain,
        errors: command.output.errorsInline ? .inline : .separate, drops: command.output.drops,
        // Which inputs are directories worth surveying is `FolderSurvey`'s decision.
        surveyFolders: true,
        followSymlinks: command.input.followSymlinks))
    inputs = command.input.inputs
    reading = pipeline.readingOptions(
      format: command.input.inputFormat, textField: command.input.textField ?? "text")
    progress = ProgressReporter(mode: command.output.progress)
    output = try Self.output(command.output)
    errors = try Self.errors(command.output, progress: progress)
  }

  /// Runs the plan, drawing progress as it goes, and returns the totals.
  func run() -> RunSummary {
    if progress.isEnabled {
      progress.measureTotal(of: inputs, followSymlinks: runner.options.followSymlinks)
    }
    var summary = runner.run(
      inputs: inputs, reading: reading, to: output, errors: errors, progress: progress.update)
    progress.finish()
    if case .stream(let sink) = output, !summary.outputClosed {
      // Closing writes the last bytes (and a gzip trailer): a full disk may show only now.
      do {
        try sink.close()
      } catch {
        if OutputError.isClosedPipe(error) {
          summary.outputClosed = true
        } else {
          summary.outputError = summary.outputError ?? "\(error)"
        }
      }
    }
    do {
      try errors.close()
    } catch  where !OutputError.isClosedPipe(error) {
      summary.errorsError = summary.errorsError ?? "\(error)"
    } catch {}
    return summary
  }

  /// `--jobs`, at most one per core: cleaning is CPU work, so more workers only cost
  /// memory (each holds documents in flight) and threads (100,000 of them would take
  /// minutes to start). A larger request is clamped with a note.
  private static func jobs(_ requested: Int) -> Int {
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    guard requested > cores else { return requested }
    StandardError.write(
      "winnow: note: --jobs \(requested) is more than the \(cores) cores; using \(cores)\n")
    return cores
  }

  /// Folders are surveyed for lines repeated across their pages only when a directory is
  /// among the inputs: single files and streams are judged page by page.
  private static func output(_ options: OutputOptions) throws -> RunOutput {
    if let directory = options.outputDir {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
      if exists && !isDirectory.boolValue {
        throw UsageFailure(message: "--output-dir \(directory): not a directory")
      }
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw UsageFailure(message: "--output-dir \(directory): cannot create it")
      }
      return .directory(OutputDirectory(root: directory))
    }
    guard let path = options.output, path != "-" else {
      return .stream(FileByteSink.standardOutput())
    }
    do {
      return .stream(try OutputFile.open(path: path))
    } catch {
      throw UsageFailure(message: error.description)
    }
  }

  /// `--errors FILE`, or stderr; for `--errors inline` the sink only takes failures that
  /// belong to no output (an input missing under `--output-dir`).
  private static func errors(_ options: OutputOptions, progress: ProgressReporter) throws
    -> any ByteSink
  {
    guard let path = options.errors, !options.errorsInline else {
      return ProgressSafeSink(FileByteSink.standardError(), progress: progress)
    }
    do {
      return try FileByteSink(path: path)
    } catch {
      throw UsageFailure(message: error.description)
    }
  }
}
