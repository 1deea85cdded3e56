import ArgumentParser
import Foundation
import Winnow

@main
struct WinnowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "winnow",
    abstract: "Clean scraped web text into JSONL records.",
    subcommands: [Clean.self, Explain.self, Report.self, LangID.self, ConfigCommand.self])

  /// ArgumentParser exits 64 for usage errors and 1 for other thrown errors; Winnow's
  /// contract is 2 for both usage and config errors, and 1 only for "some inputs failed".
  static func main() {
    // A closed stdout (`winnow clean | head -1`) must end the run quietly. With SIGPIPE
    // ignored, writes fail with EPIPE instead of killing the process, and the writers stop.
    signal(SIGPIPE, SIG_IGN)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as ConfigError {
      // Bare `file:line:col: key.path: problem`, the shape editors and CI logs link from.
      StandardError.write(error.description + "\n")
      exit(withError: ExitCode(2))
    } catch let error as UsageFailure {
      StandardError.write("winnow: \(error.message)\n")
      exit(withError: ExitCode(2))
    } catch  where exitCode(for: error) == .validationFailure {
      StandardError.write(fullMessage(for: error) + "\n")
      exit(withError: ExitCode(2))
    } catch {
      exit(withError: error)
    }
  }
}

/// A problem with the command line found after parsing (a missing file given to `explain`,
/// stdin where a directory is needed): exit 2 with one line on stderr, no usage text.
struct UsageFailure: Error {
  var message: String
}
