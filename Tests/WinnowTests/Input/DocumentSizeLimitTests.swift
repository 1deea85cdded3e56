import Foundation
import Testing

@testable import Winnow

/// `limits.max_document_bytes` is judged in one place: a reader built from the pipeline and
/// the pipeline itself refuse the same document with the same failure.
@Suite struct DocumentSizeLimitTests {
  static func pipeline(limit: Int) throws -> Pipeline {
    var configuration = Configuration.builtIn
    configuration.limits.maxDocumentBytes = limit
    return try Pipeline(configuration: configuration)
  }

  @Test func readerAndPipelineRefuseTheSameDocumentAlike() throws {
    let pipeline = try Self.pipeline(limit: 10)
    let bytes = Array("eleven byte".utf8)
    let path = NSTemporaryDirectory() + "winnow-size-\(UUID().uuidString).txt"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }

    let item = InputItem.file(InputFile(pathBytes: Array(path.utf8), id: "page.txt"))
    var reader = try InputReader.open(item, options: pipeline.readingOptions(format: .text)).get()
    guard case .failure(let fromReader)? = reader.next() else {
      Issue.record("the reader accepted 11 bytes under a limit of 10")
      return
    }
    let document = RawDocument(id: "page.txt", source: "page.txt", content: .bytes(bytes))
    guard case .failed(let fromPipeline) = pipeline.clean(document) else {
      Issue.record("the pipeline accepted 11 bytes under a limit of 10")
      return
    }
    let message = "11 bytes is over limits.max_document_bytes (10)"
    #expect(fromReader.code == .tooLarge && fromReader.message == message)
    #expect(fromPipeline.code == .tooLarge && fromPipeline.message == message)
  }

  @Test func exactlyAtTheLimitPasses() throws {
    let pipeline = try Self.pipeline(limit: 11)
    let document = RawDocument(
      id: "page.txt", source: "page.txt", content: .bytes(Array("eleven byte".utf8)))
    guard case .success = pipeline.process(document) else {
      Issue.record("a document of exactly the limit was refused")
      return
    }
  }
}
