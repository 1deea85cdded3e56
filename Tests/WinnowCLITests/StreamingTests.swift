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
