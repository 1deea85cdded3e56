import Testing

@testable import Winnow

/// The summary's read count comes from the reader, the outcomes from the writer: the two
/// meet only if every document read ended as one record, drop or failure.
@Suite struct BatchRunnerTests {
  @Test(arguments: [1, 3])
  func everyDocumentReadIsAccountedFor(jobs: Int) throws {
    let tree = TemporaryTree()
    tree.file("in/a.txt", "A page about the river and the old mill that stood beside it.\n")
    tree.file("in/b.txt", "")
    tree.file(
      "in/c.jsonl",
      #"{"text":"A second page, about the mill."}"# + "\n" + "not json\n" + #"{"id":"x"}"#
        + "\n")
    let runner = BatchRunner(
      pipeline: try Pipeline(configuration: .builtIn),
      options: RunOptions(jobs: jobs, explain: false, errors: .inline))
    let sink = MemorySink()
    let summary = runner.run(
      inputs: [tree.path("in"), tree.path("missing.txt")],
      reading: InputReader.Options(maxDocumentBytes: 1 << 20), to: .stream(sink), errors: nil)
    #expect(summary.read == 6)
    #expect(summary.accounted == summary.read)
    #expect((summary.written, summary.dropped, summary.failed) == (2, 1, 3))
    let lines = sink.bytes.split(separator: UInt8(ascii: "\n"))
    #expect(lines.count == summary.written + summary.failed)
  }
}
