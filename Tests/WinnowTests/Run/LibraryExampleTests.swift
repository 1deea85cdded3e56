import Foundation
import Testing
import Winnow

/// The README's library example, compiled and run, so the README cannot drift from the API.
@Suite struct LibraryExampleTests {
  @Test func readmeExampleCleansADirectoryLikeTheCommand() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("winnow-library-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let page = try Data(contentsOf: Fixtures.url("seeds/002_8ac4c28ee9c93345.txt"))
    let pages = directory.appendingPathComponent("pages")
    try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
    try page.write(to: pages.appendingPathComponent("page.txt"))
    let out = directory.appendingPathComponent("out.jsonl").path

    // README: "As a library"
    let configuration = Configuration.builtIn  // or try Configuration.load(path: "site.yaml")
    let pipeline = try Pipeline(configuration: configuration)

    let document = RawDocument(id: "page.txt", source: "page.txt", content: .bytes(Array(page)))
    guard case .record(let record) = pipeline.clean(document) else {
      Issue.record("the seed page should give a record")
      return
    }
    #expect(record.title == "Blinken talks to Japanese, S.Korean counterparts ahead of China trip")
    #expect(record.language == "en")

    let runner = BatchRunner(
      pipeline: pipeline, options: RunOptions(jobs: 2, explain: false, errors: .separate))
    let output = try OutputFile.open(path: out)
    let summary = runner.run(
      inputs: [pages.path],
      reading: pipeline.readingOptions(),  // bounded by limits.max_document_bytes
      to: .stream(output), errors: FileByteSink.standardError())
    try output.close()
    // end of the README example

    #expect(summary.textLines.last == "winnow: read 1, written 1, dropped 0, failed 0")
    let line = try String(contentsOfFile: out, encoding: .utf8)
    #expect(line == String(decoding: RecordEncoder.encode(record, explain: false), as: UTF8.self))
  }
}
