import ArgumentParser
import Winnow

@main
struct WinnowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "winnow",
    abstract: "Clean scraped web text into JSONL records.")
}
