import Foundation
import Glibc
import Testing

@testable import Winnow

@Suite struct ByteSinkTests {
  @Test func fileSinkWritesEverythingByClose() throws {
    let path = "/tmp/winnow-sink-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).jsonl"
    defer { unlink(path) }
    let sink = try FileByteSink(path: path)
    let big = [UInt8](repeating: UInt8(ascii: "x"), count: FileByteSink.bufferSize * 2 + 3)
    try sink.write(Array("first\n".utf8))
    try sink.write(big)
    try sink.write(Array("last\n".utf8))
    try sink.close()
    let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(written == Array("first\n".utf8) + big + Array("last\n".utf8))
  }

  @Test func gzipSinkRoundTripsThroughTheReader() throws {
    let path = "/tmp/winnow-sink-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt.gz"
    defer { unlink(path) }
    let sink = try OutputFile.open(path: path)
    let text = String(repeating: "línea de texto\n", count: 20_000)
    try sink.write(Array(text.utf8))
    try sink.close()
    let item = InputItem.file(InputFile(pathBytes: Array(path.utf8), id: "t"))
    var reader = try InputReader.open(item, options: .init(maxDocumentBytes: 1 << 20)).get()
    guard case .success(let document) = reader.next(), case .bytes(let bytes) = document.content
    else {
      Issue.record("no document")
      return
    }
    #expect(bytes == Array(text.utf8))
  }

  @Test func aClosedPipeThrowsInsteadOfKillingTheProcess() throws {
    signal(SIGPIPE, SIG_IGN)
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    close(ends[0])
    let sink = try FileByteSink(path: "/dev/fd/\(ends[1])")
    close(ends[1])
    try sink.write(Array("record\n".utf8))
    #expect {
      try sink.flush()
    } throws: { error in
      OutputError.isClosedPipe(error)
    }
  }

  @Test func unwritablePathIsAnOutputError() {
    #expect {
      try FileByteSink(path: "/nonexistent-dir/out.jsonl")
    } throws: { error in
      (error as? OutputError)?.description
        == "cannot open /nonexistent-dir/out.jsonl: No such file or directory"
    }
  }
}
