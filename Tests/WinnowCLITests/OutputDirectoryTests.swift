import Foundation
import Testing

@Suite struct OutputDirectoryTests {
  @Test func oneOutputPerInputMirroringTheTree() throws {
    let tree = try TemporaryDirectory()
    try tree.file("in/a/b.txt", "This is page b.\n")
    try tree.file("in/a/b.md", "Page b, markdown.\n")
    try tree.file("in/c.txt", "This is page c.\n")
    try tree.file("in/empty.txt", "")
    let result = try Winnow.run(["clean", tree.path + "/in", "--output-dir", tree.path + "/out"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let outputs = try FileManager.default.subpathsOfDirectory(atPath: tree.path + "/out")
      .filter { $0.hasSuffix(".jsonl") }.sorted()
    #expect(outputs == ["a/b.md.jsonl", "a/b.txt.jsonl", "c.txt.jsonl", "empty.txt.jsonl"])
    let b = try String(contentsOfFile: tree.path + "/out/a/b.txt.jsonl", encoding: .utf8)
    #expect(b.hasPrefix(#"{"id":"a/b.txt""#))
    #expect(b.split(separator: "\n").count == 1)
    // A page with nothing left still gets its (empty) output, so a rerun knows it is done.
    #expect(try Data(contentsOf: tree.url.appendingPathComponent("out/empty.txt.jsonl")).isEmpty)
  }

  @Test func rerunSkipsCompleteOutputsAndRemovesStaleTempFiles() throws {
    let tree = try TemporaryDirectory()
    try tree.file("in/one.txt", "This is page one.\n")
    try tree.file("in/two.txt", "This is page two.\n")
    let arguments = ["clean", tree.path + "/in", "--output-dir", tree.path + "/out"]
    let first = try Winnow.run(arguments)
    #expect(first.stderrLines.last == "winnow: read 2, written 2, dropped 0, failed 0")

    // A killed run leaves a temp file and no final output for the input it was writing.
    try FileManager.default.removeItem(atPath: tree.path + "/out/two.txt.jsonl")
    let stale = try tree.file("out/.two.txt.jsonl.tmp-99999", "{\"partial\":")
    let one = try Data(contentsOf: URL(fileURLWithPath: tree.path + "/out/one.txt.jsonl"))

    let second = try Winnow.run(arguments)
    #expect(second.status == 0)
    #expect(second.stderr.contains("skipped 1"))
    #expect(second.stderrLines.last == "winnow: read 1, written 1, dropped 0, failed 0")
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(FileManager.default.fileExists(atPath: tree.path + "/out/two.txt.jsonl"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: tree.path + "/out/one.txt.jsonl")) == one)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: tree.path + "/out")
      .filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }

  @Test func jsonlInputsKeepTheirRecordsAndInlineErrorsInTheirOwnOutput() throws {
    let tree = try TemporaryDirectory()
    try tree.file(
      "in/x.jsonl",
      "{\"text\":\"The first document.\"}\n{oops\n{\"text\":\"The third document.\"}\n")
    let result = try Winnow.run(
      ["clean", tree.path + "/in", "--output-dir", tree.path + "/out", "--errors", "inline"])
    #expect(result.status == 0)
    let lines = try String(contentsOfFile: tree.path + "/out/x.jsonl.jsonl", encoding: .utf8)
      .split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[1].contains(#""error":"invalid-json""#))
  }

  @Test func outputDirectoryInsideTheInputTreeIsNotReadAsInput() throws {
    let tree = try TemporaryDirectory()
    try tree.file("page.txt", "This is a page.\n")
    let arguments = ["clean", tree.path, "--output-dir", tree.path + "/cleaned"]
    let first = try Winnow.run(arguments)
    let second = try Winnow.run(arguments)
    #expect(first.stderrLines.last == "winnow: read 1, written 1, dropped 0, failed 0")
    #expect(second.stderrLines.last == "winnow: read 0, written 0, dropped 0, failed 0")
    let outputs = try FileManager.default.subpathsOfDirectory(atPath: tree.path + "/cleaned")
    #expect(outputs == ["page.txt.jsonl"])
  }

  @Test func inputCutShortByAReadErrorLeavesNoOutputSoTheNextRunRedoesIt() throws {
    let tree = try TemporaryDirectory()
    let lines = (0..<2000).map { #"{"text":"Line \#($0) of a long JSONL file."}"# }
    let compressed = try gzip(lines.joined(separator: "\n") + "\n")
    try tree.file("in/cut.jsonl.gz", bytes: Array(compressed.prefix(compressed.count / 2)))
    try tree.file("in/fine.txt", "A fine page.\n")
    let result = try Winnow.run(["clean", tree.path + "/in", "--output-dir", tree.path + "/out"])
    #expect(result.status == 1)
    #expect(result.stderr.contains(#""source":"cut.jsonl.gz""#))
    #expect(result.stderr.contains(#""error":"invalid-gzip""#))
    let outputs = try FileManager.default.contentsOfDirectory(atPath: tree.path + "/out")
    #expect(outputs == ["fine.txt.jsonl"])
  }

  /// A real kill in the middle of a run, then a rerun: the outputs are those of a run that
  /// was never interrupted, byte for byte.
  @Test func rerunAfterAKillCompletesTheOutputs() throws {
    let tree = try TemporaryDirectory()
    for index in 0..<200 {
      try tree.file(
        "in/\(index % 10)/page\(index).txt",
        String(repeating: "Sentence \(index) of a page. ", count: 200) + "\n")
    }
    let killed = Process()
    killed.executableURL = Winnow.binary
    killed.arguments = ["clean", tree.path + "/in", "--output-dir", tree.path + "/out", "-j", "1"]
    killed.standardError = FileHandle.nullDevice
    try killed.run()
    let firstOutput = tree.path + "/out/0/page0.txt.jsonl"
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: firstOutput) && Date() < deadline {
      usleep(1000)
    }
    kill(killed.processIdentifier, SIGKILL)
    killed.waitUntilExit()

    let rerun = try Winnow.run(["clean", tree.path + "/in", "--output-dir", tree.path + "/out"])
    #expect(rerun.status == 0)
    let fresh = try Winnow.run(
      ["clean", tree.path + "/in", "--output-dir", tree.path + "/fresh"])
    #expect(fresh.stderrLines.last == "winnow: read 200, written 200, dropped 0, failed 0")
    let names = try FileManager.default.subpathsOfDirectory(atPath: tree.path + "/fresh")
      .sorted()
    #expect(
      try FileManager.default.subpathsOfDirectory(atPath: tree.path + "/out").sorted() == names)
    for name in names where name.hasSuffix(".jsonl") {
      let got = FileManager.default.contents(atPath: tree.path + "/out/" + name)
      let expected = FileManager.default.contents(atPath: tree.path + "/fresh/" + name)
      #expect(got == expected, "\(name)")
    }
  }

  @Test func stdinCannotGoToAnOutputDirectory() throws {
    let tree = try TemporaryDirectory()
    let result = try Winnow.run(["clean", "--output-dir", tree.path + "/out"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--output-dir"))
  }
}
