import ArgumentParser
import Foundation
import Winnow

/// `winnow config show|check`.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show the effective config, or check a config file.",
    subcommands: [Show.self, Check.self])

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the effective config: the built-in one, or it with --config laid over.")

    @Option(help: ArgumentHelp("A YAML file laid over the built-in config.", valueName: "file"))
    var config: String?

    func run() throws {
      let text: String
      if let config {
        text = try Configuration.load(path: config).yaml
      } else {
        text = Configuration.defaultYAML
      }
      _ = try? StandardOutput.write(Array(text.utf8))
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a config file: unknown keys, wrong types and bad regexes are errors.",
      discussion: "Exit status 0 when the file is valid, 2 with a located message when not.")

    @Argument(help: "The YAML file to check.", completion: .file())
    var file: String

    func run() throws {
      let configuration = try Configuration.load(path: file)
      _ = try Pipeline.forCommand(configuration)
      _ = try? StandardOutput.write(Array("\(file): ok\n".utf8))
    }
  }
}
