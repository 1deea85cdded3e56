import Foundation
import Testing

@Suite struct StreamingTests {
  /// `producer | winnow clean --input-format jsonl | consumer`: each record comes out while
  /// the input is still open, not when it ends; that is what lets winnow sit in a pipeline
  /// (or under Spark's `RDD.pipe`) with memory independent of the stream's length.
  @Test func jsonlRecordsComeOutBeforeTheInputEnds() throws {
    let process = Process()
    process.executableURL = Winnow.binary
    process.arguments = ["clean", "--input-format", "jsonl", "--jobs", "2"]
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    try process.run()
    Winnow.terminateIfStuck(process)
    for index in 0..<3 {
      try stdin.fileHandleForWriting.write(
        contentsOf: Data("{\"id\":\"r\(index)\",\"text\":\"This is record \(index).\"}\n".utf8))
      let line = try readLine(stdout.fileHandleForReading)
      #expect(line.hasPrefix("{\"id\":\"r\(index)\""))
    }
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  /// `--drops inline`: every input line gives exactly one output line, in input order (a
  /// record, an inline error or a drop record), so a caller can pair them without counting.
  @Test func dropsInlinePairEveryInputWithOneOutputLine() throws {
    let input = """
      {"id":"kept","text":"A sentence that stays, since it is the whole of the page."}
      {"id":"blank","text":"   "}
      {"id":"broken","text":
      {"id":"also","text":"Another sentence that stays for the same reason as the first."}

      """
    let result = try Winnow.run(
      ["clean", "--input-format", "jsonl", "--errors", "inline", "--drops", "inline"],
      stdin: Data(input.utf8))
    #expect(result.status == 0)
    let lines = result.records
    #expect(lines.map { $0["id"] as? String } == ["kept", "blank", "-:3", "also"])
    #expect(lines[1]["dropped"] as? String == "empty")
    #expect(lines[1]["text"] == nil)
    #expect(lines[2]["error"] as? String == "invalid-json")
    #expect(result.totals?.dropped == 1)
  }

  /// The same through a FIFO named as an input (`winnow clean --input-format jsonl fifo`).
  @Test func fifoRecordsComeOutBeforeTheInputEnds() throws {
    let tree = try TemporaryDirectory()
    let fifo = tree.path + "/feed"
    #expect(mkfifo(fifo, 0o600) == 0)
    let process = Process()
    process.executableURL = Winnow.binary
    process.arguments = ["clean", "--input-format", "jsonl", fifo]
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    try process.run()
    Winnow.terminateIfStuck(process)
    let feed = try #require(FileHandle(forWritingAtPath: fifo))
    for index in 0..<3 {
      try feed.write(
        contentsOf: Data("{\"id\":\"f\(index)\",\"text\":\"A record fed in.\"}\n".utf8))
      #expect(try readLine(stdout.fileHandleForReading).hasPrefix("{\"id\":\"f\(index)\""))
    }
    try feed.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  private func readLine(_ handle: FileHandle) throws -> String {
    var bytes: [UInt8] = []
    while bytes.last != UInt8(ascii: "\n") {
      guard let chunk = try handle.read(upToCount: 1), !chunk.isEmpty else { break }
      bytes += chunk
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
