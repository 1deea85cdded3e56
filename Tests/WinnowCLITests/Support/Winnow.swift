import Foundation

/// Runs the built `winnow` binary as a user would: arguments, stdin, and what comes back.
///
/// The binary sits next to the test bundle in the build directory (`swift test` builds it
/// because this target depends on `WinnowCLI`); `WINNOW_BINARY` overrides the path.
enum Winnow {
  struct Result {
    var status: Int32
    var stdout: Data
    var stderr: String

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    /// Non-empty stdout lines, each a JSON object.
    var records: [[String: Any]] {
      stdoutText.split(separator: "\n").map { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
      }
    }
    var stderrLines: [Substring] { stderr.split(separator: "\n") }
    /// `read N, written N, dropped N, failed N` from the summary's last line.
    var totals: (read: Int, written: Int, dropped: Int, failed: Int)? {
      guard let last = stderrLines.last, last.hasPrefix("winnow: read ") else { return nil }
      let numbers = last.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
      guard numbers.count == 4 else { return nil }
      return (numbers[0], numbers[1], numbers[2], numbers[3])
    }
  }

  static let binary: URL = {
    if let path = ProcessInfo.processInfo.environment["WINNOW_BINARY"] {
      return URL(fileURLWithPath: path)
    }
    if let besideTests = Bundle.main.executableURL?.deletingLastPathComponent()
      .appendingPathComponent("winnow"),
      FileManager.default.isExecutableFile(atPath: besideTests.path)
    {
      return besideTests
    }
    return repositoryRoot.appendingPathComponent(".build/debug/winnow")
  }()

  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Ends `process` if it still runs after `seconds`: a test that waits for output which
  /// never comes then fails at its next read instead of hanging the suite.
  static func terminateIfStuck(_ process: Process, after seconds: Double = 20) {
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
      if process.isRunning { process.terminate() }
    }
  }

  /// Runs `winnow arguments` in `directory` with `stdin` as its input and waits for it.
  static func run(_ arguments: [String], stdin: Data = Data(), in directory: URL? = nil)
    throws -> Result
  {
    let scratch = try TemporaryDirectory()
    let stdinFile = scratch.url.appendingPathComponent("stdin")
    let stdoutFile = scratch.url.appendingPathComponent("stdout")
    let stderrFile = scratch.url.appendingPathComponent("stderr")
    try stdin.write(to: stdinFile)
    _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    // Files, not pipes: a pipe the test does not drain while waiting would block the child.
    process.standardInput = try FileHandle(forReadingFrom: stdinFile)
    process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
    process.standardError = try FileHandle(forWritingTo: stderrFile)
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: try Data(contentsOf: stdoutFile),
      stderr: try String(contentsOf: stderrFile, encoding: .utf8))
  }
}
