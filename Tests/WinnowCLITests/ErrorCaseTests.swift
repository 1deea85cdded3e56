import Foundation
import Testing

/// The issue's list of bad inputs: each is named in a message, the run goes on past it, and
/// the summary's counts add up (read = written + dropped + failed).
@Suite struct ErrorCaseTests {
  /// A bad input between two good pages.
  struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var bytes: [UInt8]
    /// The error code the bad input must fail with; nil when it may also be cleaned (or
    /// dropped), as long as the counts add up.
    var expectedError: String?
    var extraArguments: [String] = []
    var testDescription: String { name }
  }

  static let badInputs: [BadInput] = [
    BadInput(name: "empty file", file: "b.txt", bytes: [], expectedError: nil),
    BadInput(
      name: "binary file with NULs", file: "b.txt",
      bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 0, 0, 0xFF, 0xFE, 0, 0, 0, 0],
      expectedError: nil),
    BadInput(
      name: "invalid UTF-8", file: "b.txt", bytes: Array("caf".utf8) + [0xE9, 0xFF, 0xC3, 0x0A],
      expectedError: nil),
    BadInput(
      name: "single line over limits.max_document_bytes", file: "b.txt",
      bytes: Array(repeating: UInt8(ascii: "x"), count: 5000), expectedError: "too-large",
      extraArguments: ["--config", "LIMITS"]),
    BadInput(
      name: "JSONL line that is not JSON", file: "b.jsonl", bytes: Array("{\"text\": \n".utf8),
      expectedError: "invalid-json"),
    BadInput(
      name: "JSONL line without a text field", file: "b.jsonl",
      bytes: Array("{\"body\": \"x\"}\n".utf8), expectedError: "missing-text"),
    BadInput(
      name: "JSONL line with a non-string text", file: "b.jsonl",
      bytes: Array("{\"text\": [1, 2]}\n".utf8), expectedError: "missing-text"),
  ]

  @Test(arguments: badInputs)
  func badInputIsReportedAndTheRunGoesOn(_ bad: BadInput) throws {
    let tree = try TemporaryDirectory()
    try tree.file("in/a.txt", "A good page before.\n")
    try tree.file("in/" + bad.file, bytes: bad.bytes)
    try tree.file("in/c.txt", "A good page after.\n")
    let limits = try tree.file("limits.yaml", "limits:\n  max_document_bytes: 1000\n")
    let arguments =
      ["clean", tree.path + "/in", "--jobs", "2"]
      + bad.extraArguments.map { $0 == "LIMITS" ? limits : $0 }
    let result = try Winnow.run(arguments)
    let ids = result.records.compactMap { $0["id"] as? String }
    #expect(ids.first == "a.txt")
    #expect(ids.last == "c.txt")
    let totals = try #require(result.totals, "no summary line in: \(result.stderr)")
    #expect(totals.read == totals.written + totals.dropped + totals.failed)
    #expect(totals.read == 3)
    let errorLines = result.stderrLines.filter { $0.hasPrefix("{") }
    #expect(errorLines.count == totals.failed)
    #expect(result.status == (totals.failed > 0 ? 1 : 0))
    for line in errorLines {
      #expect(line.contains(#""source":"\#(bad.file)""#), "error names the input: \(line)")
    }
    if let expected = bad.expectedError {
      #expect(totals.failed == 1)
      #expect(errorLines.first?.contains(#""error":"\#(expected)""#) == true, "\(errorLines)")
    }
  }

  @Test func largeFileOverTheLimitFailsWithoutStoppingTheRun() throws {
    let tree = try TemporaryDirectory()
    let line = [UInt8](repeating: UInt8(ascii: "y"), count: 3 << 20)
    try tree.file("in/big.txt", bytes: line)
    try tree.file("in/small.txt", "This is a small page.\n")
    let limits = try tree.file("limits.yaml", "limits:\n  max_document_bytes: 1048576\n")
    let result = try Winnow.run(["clean", tree.path + "/in", "--config", limits])
    #expect(result.status == 1)
    #expect(result.stderr.contains(#""source":"big.txt""#))
    #expect(result.stderr.contains(#""error":"too-large""#))
    #expect(result.stderrLines.last == "winnow: read 2, written 1, dropped 0, failed 1")
  }

  @Test(.enabled(if: geteuid() != 0, "root reads files whatever their mode says"))
  func unreadableFileIsAnError() throws {
    let tree = try TemporaryDirectory()
    let locked = try tree.file("in/locked.txt", "Secret.\n")
    try tree.file("in/open.txt", "Open page.\n")
    chmod(locked, 0)
    let result = try Winnow.run(["clean", tree.path + "/in"])
    #expect(result.status == 1)
    #expect(result.stderr.contains(#""source":"locked.txt","error":"unreadable""#))
    #expect(result.stderrLines.last == "winnow: read 2, written 1, dropped 0, failed 1")
  }

  @Test func symlinkLoopIsAnErrorAndTheWalkGoesOn() throws {
    let tree = try TemporaryDirectory()
    try tree.file("in/a.txt", "This is page a.\n")
    try tree.file("in/z.txt", "This is page z.\n")
    try FileManager.default.createSymbolicLink(
      atPath: tree.path + "/in/loop", withDestinationPath: "loop")
    try FileManager.default.createSymbolicLink(
      atPath: tree.path + "/in/up", withDestinationPath: "..")
    let result = try Winnow.run(["clean", tree.path + "/in", "--follow-symlinks"])
    #expect(result.status == 1)
    #expect(result.records.compactMap { $0["id"] as? String } == ["a.txt", "z.txt"])
    #expect(result.stderr.contains(#""source":"loop","error":"symlink-loop""#))
    #expect(result.stderr.contains(#""source":"up/in","error":"symlink-loop""#))
    #expect(result.stderrLines.last == "winnow: read 4, written 2, dropped 0, failed 2")
    // Without --follow-symlinks the link to a directory (`up`) is not followed at all.
    let walked = try Winnow.run(["clean", tree.path + "/in"])
    #expect(walked.stderrLines.last == "winnow: read 3, written 2, dropped 0, failed 1")
  }

  @Test func missingInputIsAnErrorAndTheOthersAreRead() throws {
    let tree = try TemporaryDirectory()
    let present = try tree.file("present.txt", "This page is here.\n")
    let result = try Winnow.run(["clean", tree.path + "/absent.txt", present])
    #expect(result.status == 1)
    #expect(result.records.count == 1)
    #expect(result.stderr.contains(#""error":"missing""#))
    #expect(result.stderr.contains("absent.txt"))
    #expect(result.stderrLines.last == "winnow: read 2, written 1, dropped 0, failed 1")
  }

  @Test func inlineErrorsComeInInputOrderAndExitZero() throws {
    let tree = try TemporaryDirectory()
    try tree.file(
      "a.jsonl",
      #"{"id":"one","text":"The first document."}"# + "\nnot json\n"
        + #"{"id":"three","text":"The third document."}"# + "\n")
    let result = try Winnow.run(["clean", tree.path + "/a.jsonl", "--errors", "inline"])
    #expect(result.status == 0)
    let lines = result.stdoutText.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].contains(#""id":"one""#))
    #expect(lines[1].contains(#""error":"invalid-json""#))
    #expect(lines[1].contains(#""line":2"#))
    #expect(lines[2].contains(#""id":"three""#))
    #expect(!result.stderr.contains("{"))
    #expect(result.stderrLines.last == "winnow: read 3, written 2, dropped 0, failed 1")
  }

  @Test func inlineErrorForAWholeInputCarriesItsID() throws {
    let tree = try TemporaryDirectory()
    try tree.file("in/a.txt", "This is page a.\n")
    try tree.file("in/z.txt", "This is page z.\n")
    try FileManager.default.createSymbolicLink(
      atPath: tree.path + "/in/m.txt", withDestinationPath: "m.txt")
    let result = try Winnow.run(["clean", tree.path + "/in", "--errors", "inline"])
    #expect(result.status == 0)
    let lines = result.stdoutText.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[1].hasPrefix(#"{"id":"m.txt","source":"m.txt","error":"symlink-loop""#))
  }

  @Test func errorsFileTakesTheErrorRecords() throws {
    let tree = try TemporaryDirectory()
    let errors = tree.path + "/errors.jsonl"
    let result = try Winnow.run(
      ["clean", "--input-format", "jsonl", "--errors", errors], stdin: Data("[1]\n".utf8))
    #expect(result.status == 1)
    let written = try String(contentsOfFile: errors, encoding: .utf8)
    #expect(written.hasPrefix(#"{"source":"-","line":1,"error":"invalid-json""#))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func fullDiskIsAnErrorWithStatusOne() throws {
    let result = try Winnow.run(
      ["clean", "-o", "/dev/full"], stdin: Data("This is a page.\n".utf8))
    #expect(result.status == 1)
    #expect(result.stderr.contains("winnow: error: cannot write /dev/full: No space left"))
  }

  @Test func closedStdoutEndsQuietlyWithStatusZero() throws {
    let tree = try TemporaryDirectory()
    for index in 0..<600 {
      try tree.file(
        "in/p\(index).txt", String(repeating: "A line of page \(index). ", count: 20) + "\n")
    }
    let process = Process()
    process.executableURL = Winnow.binary
    process.arguments = ["clean", tree.path + "/in", "--jobs", "2"]
    let stdout = Pipe()
    let stderrFile = tree.url.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
    process.standardOutput = stdout
    process.standardError = try FileHandle(forWritingTo: stderrFile)
    try process.run()
    Winnow.terminateIfStuck(process)
    // Like `head -1`: read one line, then close the pipe.
    var first: [UInt8] = []
    while first.last != UInt8(ascii: "\n"),
      let chunk = try stdout.fileHandleForReading.read(
        upToCount: 1), !chunk.isEmpty
    {
      first += chunk
    }
    try stdout.fileHandleForReading.close()
    process.waitUntilExit()
    let stderr = try String(contentsOf: stderrFile, encoding: .utf8)
    #expect(first.first == UInt8(ascii: "{"))
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0, "\(stderr)")
    #expect(!stderr.contains("Fatal error"))
    #expect(!stderr.lowercased().contains("backtrace"))
    #expect(!stderr.contains("error:"))
  }
}
