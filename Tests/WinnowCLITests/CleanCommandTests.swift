import Foundation
import Testing

@Suite struct CleanCommandTests {
  /// A small tree of pages, with names chosen so that sorted order is not creation order.
  private func corpus(pages: Int = 40) throws -> TemporaryDirectory {
    let tree = try TemporaryDirectory()
    for index in (0..<pages).reversed() {
      try tree.file(
        "pages/\(index % 3)/page\(index).txt",
        "Page \(index) starts here.\nIt has a second paragraph, number \(index).\n")
    }
    try tree.file("pages/z.txt.gz", bytes: try gzip("A compressed page.\n"))
    return tree
  }

  @Test func directoryGivesOneRecordPerPageInSortedPathOrder() throws {
    let tree = try corpus()
    let result = try Winnow.run(["clean", tree.path + "/pages", "--jobs", "3"])
    #expect(result.status == 0, "\(result.stderr)")
    let ids = result.records.compactMap { $0["id"] as? String }
    #expect(ids.count == 41)
    #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(ids.first == "0/page0.txt")
    #expect(ids.last == "z.txt.gz")
    #expect(result.stderrLines.last == "winnow: read 41, written 41, dropped 0, failed 0")
  }

  @Test func oneJobAndSeveralJobsWriteTheSameBytes() throws {
    let tree = try corpus(pages: 60)
    try tree.file("pages/empty.txt", "")
    let one = try Winnow.run(["clean", tree.path, "--jobs", "1"])
    // Two workers: more than the cores would be clamped with a note on 2-core machines.
    let several = try Winnow.run(["clean", tree.path, "-j", "2"])
    #expect(one.status == 0)
    #expect(!one.stdout.isEmpty)
    #expect(one.stdout == several.stdout)
    let totals = { (result: Winnow.Result) in result.stderrLines.filter { !$0.contains(" took ") } }
    #expect(totals(one) == totals(several))
  }

  @Test func stdinTextIsOneDocument() throws {
    let result = try Winnow.run(
      ["clean"], stdin: Data("The first line of text.\nThe second line of text.\n".utf8))
    #expect(result.status == 0)
    #expect(result.records.count == 1)
    #expect(result.records.first?["source"] as? String == "-")
    #expect(
      result.records.first?["text"] as? String
        == "The first line of text.\nThe second line of text.")
  }

  @Test func jsonlKeepsEveryInputFieldExactly() throws {
    let fields = #""big":1e400,"n":123456789012345678901234567890,"tags":["a",{"b":null}]"#
    let input = #"{"id":"doc-1","text":"Some text for the test.","# + fields + "}"
    let result = try Winnow.run(
      ["clean", "--input-format", "jsonl"], stdin: Data((input + "\n").utf8))
    #expect(result.status == 0, "\(result.stderr)")
    let line = result.stdoutText
    #expect(line.hasPrefix(#"{"id":"doc-1","text":"Some text for the test.","# + fields))
    #expect(result.stdoutText.split(separator: "\n").count == 1)
  }

  @Test func textFieldNamesTheMemberToClean() throws {
    let input = #"{"id":"d","body":"The body text of the page.","text":"not this"}"# + "\n"
    let result = try Winnow.run(
      ["clean", "--input-format", "jsonl", "--text-field", "body"], stdin: Data(input.utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.records.first?["body"] as? String == "The body text of the page.")
    #expect(result.records.first?["text"] as? String == "The body text of the page.")
  }

  @Test func severalInputsComeOutInTheOrderGivenWithPrefixedIDs() throws {
    let tree = try TemporaryDirectory()
    try tree.file("b/one.txt", "This is page b one.\n")
    try tree.file("a/one.txt", "This is page a one.\n")
    let single = try tree.file("single.txt", "This is a single page.\n")
    let result = try Winnow.run(["clean", "b", single, "a"], in: tree.url)
    #expect(result.status == 0, "\(result.stderr)")
    let ids = result.records.compactMap { $0["id"] as? String }
    #expect(ids == ["b/one.txt", single, "a/one.txt"])
  }

  @Test func summaryJSONHasTheSameTotals() throws {
    let tree = try corpus(pages: 5)
    try tree.file("pages/blank.txt", "  \n\n")
    let summaryPath = tree.path + "/summary.json"
    let result = try Winnow.run(["clean", tree.path + "/pages", "--summary-json", summaryPath])
    let object =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: summaryPath))) as? [String: Any]
    #expect(result.totals?.read == 7)
    #expect(object?["read"] as? Int == 7)
    #expect(object?["written"] as? Int == 6)
    #expect(object?["dropped"] as? Int == 1)
    #expect(object?["failed"] as? Int == 0)
  }

  @Test func progressAlwaysDrawsOneUpdatingLineThenTheSummary() throws {
    let tree = try corpus(pages: 3)
    let result = try Winnow.run(["clean", tree.path + "/pages", "--progress", "always"])
    #expect(result.stderr.hasPrefix("\r\u{1B}[Kwinnow: "))
    #expect(result.stderr.contains(" docs, "))
    let afterProgress = try #require(result.stderr.components(separatedBy: "\r\u{1B}[K").last)
    #expect(afterProgress.hasPrefix("winnow: "))
    #expect(afterProgress.hasSuffix("winnow: read 4, written 4, dropped 0, failed 0\n"))
  }

  @Test func summaryStartsWithTimeAndRate() throws {
    let result = try Winnow.run(["clean"], stdin: Data("This is a page.\n".utf8))
    #expect(result.stderrLines.first?.hasPrefix("winnow: took ") == true)
    #expect(result.stderrLines.first?.hasSuffix("/s") == true)
  }

  @Test func noProgressLineWhenStderrIsNotATerminal() throws {
    let result = try Winnow.run(["clean"], stdin: Data("This is a page.\n".utf8))
    #expect(!result.stderr.contains("\r"))
  }

  @Test func explainAddsRemovedLinesToRecords() throws {
    let page = "Home | News | Sport | Weather\nThis is the text of the page.\n"
    let result = try Winnow.run(["clean", "--explain"], stdin: Data(page.utf8))
    let winnow = try #require(result.records.first?["winnow"] as? [String: Any])
    let removed = try #require(winnow["removed_lines"] as? [[String: Any]])
    #expect(removed.first?["line"] as? Int == 1)
    #expect(removed.first?["kind"] as? String == "navigation")
  }

  @Test func gzipOutputNameCompresses() throws {
    let tree = try corpus(pages: 3)
    let target = tree.path + "/out.jsonl.gz"
    let result = try Winnow.run(["clean", tree.path + "/pages", "-o", target])
    #expect(result.status == 0)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: target))
    #expect(Array(bytes.prefix(2)) == [0x1F, 0x8B])
    let plain = try Winnow.run(["clean", target, "--input-format", "jsonl"])
    #expect(plain.records.count == 4)
  }
}

/// Gzip bytes of `text`, made by the system's `gzip` so that the test does not trust
/// Winnow's own compressor to check its decompressor.
func gzip(_ text: String) throws -> [UInt8] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  let scratch = try TemporaryDirectory()
  let plain = try scratch.file("plain", text)
  process.arguments = ["-c", "gzip -c '\(plain)' > '\(plain).gz'"]
  try process.run()
  process.waitUntilExit()
  return Array(try Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
}

@Suite struct EncodingOptionTests {
  /// Latin-1 bytes that detection alone could read otherwise: `--encoding` decides.
  @Test func encodingOptionForcesTheCharset() throws {
    let bytes = Array("café crème brûlée is a dessert that everybody likes very much.\n".utf8)
    let latin1 = Data(String(decoding: bytes, as: UTF8.self).data(using: .isoLatin1)!)
    let result = try Winnow.run(["clean", "--encoding", "ISO-8859-1"], stdin: latin1)
    #expect(result.status == 0)
    let record = try #require(result.records.first)
    #expect(
      record["text"] as? String == "café crème brûlée is a dessert that everybody likes very much.")
    #expect((record["winnow"] as? [String: Any])?["encoding"] as? String == "ISO-8859-1")
  }

  @Test func unknownEncodingIsAUsageError() throws {
    let result = try Winnow.run(
      ["clean", "--encoding", "no-such-charset"], stdin: Data("x\n".utf8))
    #expect(result.status == 2)
    #expect(result.stderr.contains("--encoding: unknown encoding 'no-such-charset'"))
    #expect(result.records.isEmpty)
  }
}
