import Winnow

/// Whole-answer writes to stdout for the small subcommands; a closed stdout ends them quietly
/// (the caller ignores the thrown `OutputError`).
enum StandardOutput {
  static func write(_ bytes: [UInt8]) throws {
    let sink = FileByteSink.standardOutput()
    try sink.write(bytes)
    try sink.close()
  }
}
