import ArgumentParser
import Winnow

extension InputFormat: ExpressibleByArgument {}

/// Which inputs to read and how to split them into documents.
struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Files or directories (walked recursively in sorted order), or '-' for stdin.",
      discussion: "With none, stdin is read."),
    completion: .file())
  var inputs: [String] = []

  @Option(help: "How inputs become documents.")
  var inputFormat: InputFormat = .auto

  @Option(help: ArgumentHelp("The JSONL field that holds the text.", valueName: "name"))
  var textField: String?

  @Flag(
    help: ArgumentHelp(
      "Inside directories, follow every symbolic link (by default only links to files inside"
        + " the directory are followed)."))
  var followSymlinks = false

  func validate() throws {
    if textField != nil && inputFormat != .jsonl && inputFormat != .auto {
      throw ValidationError(
        "--text-field applies to JSONL input only, not --input-format \(inputFormat.rawValue).")
    }
    if textField?.isEmpty == true {
      throw ValidationError("--text-field must not be empty.")
    }
    if inputs.filter({ $0 == "-" }).count > 1 {
      throw ValidationError("stdin ('-') can be read only once.")
    }
  }
}
