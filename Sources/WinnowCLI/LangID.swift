import ArgumentParser
import Foundation
import Winnow

/// `winnow langid [FILE]`: one language code per input line. A tool in itself (tag a word
/// list, a corpus of sentences) and a seam for testing the identifier alone.
struct LangID: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "langid",
    abstract: "Print the language of each input line (ISO 639-1 where one exists, else 639-3).")

  @Argument(help: "The file to read (default: stdin).", completion: .file())
  var file: String?

  func run() throws {
    let identifier = LanguageIdentifier()
    let path = file ?? "-"
    guard let input = path == "-" ? fdopen(0, "r") : fopen(path, "r") else {
      StandardError.write("winnow: \(path): \(String(cString: strerror(errno)))\n")
      throw ExitCode(1)
    }
    defer { if path != "-" { fclose(input) } }
    let output = FileByteSink.standardOutput()
    // Interactive use wants each answer at once; a pipe is better served by a buffer.
    let flushEachLine = isatty(fileno(input)) == 1
    // One buffer for every answer: a string and an array made per line cost more than the
    // write.
    var answer: [UInt8] = []
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(line) }
    do {
      while true {
        let length = getline(&line, &capacity, input)
        guard length >= 0, let line else { break }
        var count = length
        let bytes = UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self)
        while count > 0,
          bytes[count - 1] == UInt8(ascii: "\n") || bytes[count - 1] == UInt8(ascii: "\r")
        {
          count -= 1
        }
        let guess = identifier.identify(utf8: UnsafeBufferPointer(start: bytes, count: count))
        answer.removeAll(keepingCapacity: true)
        answer.append(contentsOf: guess.language.utf8)
        answer.append(UInt8(ascii: "\n"))
        try output.write(answer)
        if flushEachLine { try output.flush() }
      }
      try output.close()
    } catch {
      if OutputError.isClosedPipe(error) { return }
      throw error
    }
  }
}
