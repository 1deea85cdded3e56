import Foundation
import Testing

/// Issue 12: hostile inputs and failing disks. Each test is one of the issue's reproductions,
/// at the level of what a user gets: records, error records, files, exit status.
@Suite struct SilentLossTests {
  /// Two seed pages, so that each output holds a kept record.
  static func seed(_ index: Int) throws -> String {
    let seeds = Winnow.repositoryRoot.appendingPathComponent("fixtures/seeds")
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()
        .first { $0.hasPrefix(String(format: "%03d_", index)) })
    return try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
  }

  /// Issue 12, item 1: a second member whose magic bytes were damaged used to pass for the
  /// end of the data (exit 0, one page silently lost).
  @Test func damagedGzipMemberIsAnErrorRecord() throws {
    let tree = try TemporaryDirectory()
    var second = try gzip(try Self.seed(1))
    second[1] = 0
    try tree.file("m.txt.gz", bytes: try gzip(try Self.seed(0)) + second)
    let result = try Winnow.run(["clean", tree.path + "/m.txt.gz", "--progress", "never"])
    #expect(result.status == 1)
    #expect(result.stderr.contains(#""error":"invalid-gzip""#), "\(result.stderr)")
    #expect(result.records.isEmpty)
  }

  /// Issue 12, item 2: `../d1/x.txt` and `d1/x.txt` both went to `out/d1/x.txt.jsonl`, and
  /// `caf%E9.txt` and `caf\xE9.txt` to one name; the summary said `written 2`.
  @Test func outputDirectoryNamesNeverMeet() throws {
    let tree = try TemporaryDirectory()
    try tree.file("d1/x.txt", try Self.seed(0))
    try tree.file("work/d1/x.txt", try Self.seed(1))
    try tree.file("work/names/caf%E9.txt", try Self.seed(2))
    let latin1Name = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
    let latin1Path = Array((tree.path + "/work/names/").utf8) + latin1Name
    let seed3 = Array(try Self.seed(3).utf8)
    let descriptor = open(latin1Path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
    try #require(descriptor >= 0)
    _ = seed3.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)

    let result = try Winnow.run(
      ["clean", "../d1/x.txt", "d1/x.txt", "names", "--output-dir", "out", "--progress", "never"],
      in: tree.url.appendingPathComponent("work"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderrLines.last == "winnow: read 4, written 4, dropped 0, failed 0")
    let outputs = try FileManager.default.subpathsOfDirectory(atPath: tree.path + "/work/out")
      .filter { $0.hasSuffix(".jsonl") }.sorted()
    #expect(
      outputs == [
        "%2E%2E/d1/x.txt.jsonl", "d1/x.txt.jsonl", "names/caf%25E9.txt.jsonl",
        "names/caf%E9.txt.jsonl",
      ])
    for output in outputs {
      let text = try String(contentsOfFile: tree.path + "/work/out/" + output, encoding: .utf8)
      #expect(text.split(separator: "\n").count == 1, "\(output)")
    }
  }

  /// A collision no escaping can avoid (the same input twice) is reported, not overwritten.
  @Test func outputCollisionIsReportedNotOverwritten() throws {
    let tree = try TemporaryDirectory()
    try tree.file("d/x.txt", try Self.seed(0))
    let result = try Winnow.run(
      ["clean", "d", "d", "--output-dir", "out", "--progress", "never"], in: tree.url)
    #expect(result.status == 1)
    #expect(result.stderr.contains(#""error":"output-collision""#), "\(result.stderr)")
    #expect(result.stderrLines.last == "winnow: read 2, written 1, dropped 0, failed 1")
  }

  /// Issue 12, item 3: a full disk under `--errors FILE` or `--summary-json FILE` left a cut
  /// file, no message, exit 0.
  @Test(arguments: [["--errors", "/dev/full"], ["--summary-json", "/dev/full"]])
  func failedWriteOfErrorsOrSummaryIsReported(_ option: [String]) throws {
    let result = try Winnow.run(
      ["clean", "--input-format", "jsonl", "--progress", "never"] + option,
      stdin: Data("{\"text\": \"A page.\"}\nnot json\n".utf8))
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("\(option[0]): cannot write /dev/full"), "\(result.stderr)")
  }
}

@Suite struct BoundedMemoryTests {
  /// Issue 12, item 6: a JSONL line longer than `limits.max_document_bytes` is a `too-large`
  /// error read past without being held (`/dev/zero` used to take gigabytes); the lines
  /// after it are read.
  @Test func jsonlLineOverTheLimitIsTooLargeAndReadPast() throws {
    let tree = try TemporaryDirectory()
    let limits = try tree.file("limits.yaml", "limits:\n  max_document_bytes: 1000\n")
    // The text is short: it is the line (a padding member) that is over the limit.
    let long =
      "{\"text\": \"Short.\", \"pad\": \"" + String(repeating: "y", count: 50_000) + "\"}\n"
    let result = try Winnow.run(
      ["clean", "--input-format", "jsonl", "--config", limits, "--errors", "inline"],
      stdin: Data((long + "{\"text\": \"The page after the long line.\"}\n").utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.records.count == 2)
    #expect(result.records.first?["error"] as? String == "too-large")
    #expect(result.records.first?["line"] as? Int == 1)
    #expect(result.records.last?["text"] as? String == "The page after the long line.")
  }

  /// Issue 12, item 6: a WET header that never ends is an `invalid-warc` error, and the next
  /// record is read.
  @Test func endlessWETHeaderIsInvalidAndTheNextRecordIsRead() throws {
    let body = "A page inside a WET record.\n"
    let record =
      "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://example.com/\r\n"
      + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)\r\n\r\n"
    let endless =
      "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 4\r\nX-Junk: "
      + String(repeating: "z", count: 1_100_000)
      + "\r\n\r\nbody\r\n\r\n"
    let result = try Winnow.run(
      ["clean", "--input-format", "wet", "--errors", "inline"],
      stdin: Data((endless + record).utf8))
    #expect(result.records.count == 2, "\(result.stderr)")
    #expect(result.records.first?["error"] as? String == "invalid-warc")
    #expect(result.records.last?["id"] as? String == "http://example.com/")
  }
}

extension BoundedMemoryTests {
  /// Issue 12, item 5: a page of a million one-character lines took gigabytes (each line
  /// costs the stages hundreds of bytes); over `limits.max_lines` it is `too-large`.
  @Test func pageOverMaxLinesIsTooLarge() throws {
    let tree = try TemporaryDirectory()
    let limits = try tree.file("limits.yaml", "limits:\n  max_lines: 100\n")
    let page = Array(repeating: "x", count: 101).joined(separator: "\n")
    let result = try Winnow.run(
      ["clean", "--config", limits, "--errors", "inline"], stdin: Data(page.utf8))
    #expect(result.records.first?["error"] as? String == "too-large", "\(result.stderr)")
    #expect(
      (result.records.first?["message"] as? String)?.contains("101 lines is over limits.max_lines")
        == true)
  }

  /// Issue 12, item 9: `(a+)+$` over 2,000 lines took 39 s, the time limit counting per
  /// line; with a budget per document the rule gives up and the record says how often.
  @Test func userRegexHasATimeBudgetPerDocument() throws {
    let tree = try TemporaryDirectory()
    let config = try tree.file(
      "slow.yaml",
      """
      limits:
        regex_time_per_document: 20
      boilerplate:
        rules:
          - id: slow
            kind: junk
            regex: '(a+)+$'
            action: drop-line

      """)
    let page = (0..<2000).map { "Paragraph \($0) of the story: aaaaaaaaaaaaaaaaaaaaaaaaaaaa!" }
      .joined(separator: "\n")
    let result = try Winnow.run(["clean", "--config", config], stdin: Data(page.utf8))
    #expect(result.status == 0, "\(result.stderr)")
    let winnow = try #require(result.records.first?["winnow"] as? [String: Any])
    let timeouts = try #require(winnow["rule_timeouts"] as? Int)
    #expect(timeouts > 1000)
  }
}

@Suite struct HostileConfigTests {
  /// Issue 12, item 7: 386 bytes of aliases to aliases took 48 s and 10 GB.
  @Test func aliasBombIsRefused() throws {
    let tree = try TemporaryDirectory()
    var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    for (level, name) in ["b", "c", "d", "e", "f", "g"].enumerated() {
      let previous = ["a", "b", "c", "d", "e", "f"][level]
      yaml +=
        "\(name): &\(name) ["
        + Array(repeating: "*\(previous)", count: 9)
        .joined(separator: ",") + "]\n"
    }
    let config = try tree.file("bomb.yaml", yaml)
    let result = try Winnow.run(["config", "check", config])
    #expect(result.status == 2)
    #expect(result.stderr.contains("more than 100000 values once aliases are expanded"))
  }

  /// Issue 12, item 8: 5,000 levels of `[[[...]]]` crashed the loader (SIGSEGV).
  @Test func deepNestingIsRefusedBeforeTheParserRecurses() throws {
    let tree = try TemporaryDirectory()
    let config = try tree.file(
      "deep.yaml",
      "boilerplate: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        + "\n")
    let result = try Winnow.run(["config", "check", config])
    #expect(result.status == 2)
    #expect(result.stderr.contains("deep.yaml:1:"))
    #expect(result.stderr.contains("nesting deeper than 64 levels"))
  }

  /// A huge value is never echoed whole in an error, and a huge file is refused unread.
  @Test func hugeValuesAreNotEchoedAndHugeFilesAreRefused() throws {
    let tree = try TemporaryDirectory()
    let value = String(repeating: "x", count: 100_000)
    let wrong = try tree.file("wrong.yaml", "limits:\n  max_lines: \"\(value)\"\n")
    let result = try Winnow.run(["config", "check", wrong])
    #expect(result.status == 2)
    #expect(result.stderr.utf8.count < 1000)
    #expect(result.stderr.contains("100029 characters in all"))
    let huge = try tree.file("huge.yaml", "# " + String(repeating: "y", count: 5 << 20) + "\n")
    let refused = try Winnow.run(["config", "check", huge])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("too large for a config file"))
  }
}

@Suite struct SymlinkWalkTests {
  /// Issue 12, item 10: a link to `/etc` inside the input folder made `/etc/passwd` a record.
  @Test func walkDoesNotFollowLinksOutOfTheTree() throws {
    let tree = try TemporaryDirectory()
    try tree.file("outside/secret.txt", "A secret page outside the input tree.\n")
    try tree.file("in/page.txt", "A page inside the input tree.\n")
    let fileManager = FileManager.default
    try fileManager.createSymbolicLink(
      atPath: tree.path + "/in/etc", withDestinationPath: tree.path + "/outside")
    try fileManager.createSymbolicLink(
      atPath: tree.path + "/in/secret.txt", withDestinationPath: tree.path + "/outside/secret.txt")
    try fileManager.createSymbolicLink(
      atPath: tree.path + "/in/alias.txt", withDestinationPath: "page.txt")

    let walked = try Winnow.run(["clean", tree.path + "/in", "--progress", "never"])
    #expect(walked.status == 0, "\(walked.stderr)")
    #expect(walked.records.compactMap { $0["id"] as? String } == ["alias.txt", "page.txt"])

    let followed = try Winnow.run(
      ["clean", tree.path + "/in", "--follow-symlinks", "--progress", "never"])
    #expect(
      followed.records.compactMap { $0["id"] as? String } == [
        "alias.txt", "etc/secret.txt", "page.txt", "secret.txt",
      ])

    // A link named on the command line is read wherever it leads.
    let named = try Winnow.run(["clean", tree.path + "/in/secret.txt", "--progress", "never"])
    #expect(named.records.count == 1)
  }
}

@Suite struct ProcessLimitTests {
  /// `--jobs 100000` started 100,000 threads; it is clamped to the cores, with a note.
  @Test func jobsBeyondTheCoresAreClampedWithANote() throws {
    let result = try Winnow.run(
      ["clean", "--jobs", "100000", "--progress", "never"], stdin: Data("A short page.\n".utf8))
    #expect(result.status == 0)
    #expect(result.stderr.contains("winnow: note: --jobs 100000 is more than the"))
    #expect(result.records.count == 1)
  }

  /// A closed stdout ends every subcommand quietly with status 0, never 141 (SIGPIPE).
  @Test(arguments: [
    "clean", "clean --errors inline", "clean -o -", "langid", "explain -", "config show",
    "--help",
  ])
  func closedStdoutExitsZero(_ command: String) throws {
    let tree = try TemporaryDirectory()
    let lines = (0..<50_000).map { #"{"text": "Line \#($0) of a page that goes on."}"# }
    let input = try tree.file("in.jsonl", lines.joined(separator: "\n") + "\n")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c",
      "{ '\(Winnow.binary.path)' \(command) < '\(input)' 2>/dev/null; echo $? > '\(tree.path)/status'; }"
        + " | head -c 10 >/dev/null",
    ]
    try process.run()
    process.waitUntilExit()
    let status = try String(contentsOfFile: tree.path + "/status", encoding: .utf8)
    #expect(status == "0\n")
  }
}
