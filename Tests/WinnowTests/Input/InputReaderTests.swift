import Foundation
import Testing

@testable import Winnow

/// Reads every document of `path` as `format`, as ids or `code@line` failures.
private func read(
  _ path: String, _ format: InputFormat = .auto, textField: String = "text",
  limit: Int = 1 << 20
) -> [Result<RawDocument, InputFailure>] {
  let item = InputWalker(inputs: [path]).first { _ in true }!
  let options = InputReader.Options(
    format: format, textField: textField, maxDocumentBytes: limit)
  switch InputReader.open(item, options: options) {
  case .failure(let failure): return [.failure(failure)]
  case .success(var reader):
    var results: [Result<RawDocument, InputFailure>] = []
    while let next = reader.next() { results.append(next) }
    return results
  }
}

private func text(_ document: RawDocument) -> String {
  switch document.content {
  case .text(let text): text
  case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
  }
}

private func summary(_ result: Result<RawDocument, InputFailure>) -> String {
  switch result {
  case .success(let document): "\(document.id)=\(text(document))"
  case .failure(let failure): "\(failure.code.rawValue)@\(failure.line.map(String.init) ?? "-")"
  }
}

@Suite struct JSONLReaderTests {
  @Test func splitsOnlyAtLineFeeds() {
    let tree = TemporaryTree()
    let path = tree.file(
      "in.jsonl",
      "{\"id\":\"a\",\"text\":\"one\u{2028}two\u{2029}three\u{85}four\"}\r\n\n  \n"
        + "{\"text\":\"second\"}")
    #expect(
      read(path).map(summary) == ["a=one\u{2028}two\u{2029}three\u{85}four", "\(path):4=second"])
  }

  @Test func keepsEveryMemberExactlyAsWritten() throws {
    let tree = TemporaryTree()
    let line =
      #"{"n": 1e400, "big":123456789012345678901234567890, "s":"a\/b\u00e9","#
      + #" "nested": {"x": [1, 2.50, {"y": null}]}, "text": "body", "id": 7}"#
    let path = tree.file("in.jsonl", line)
    let document = try #require(try read(path).first?.get())
    #expect(document.id == "7")
    #expect(text(document) == "body")
    #expect(
      document.fields?.members.map { "\($0.key)=\($0.rawValue)" } == [
        "n=1e400", "big=123456789012345678901234567890", #"s="a\/b\u00e9""#,
        #"nested={"x": [1, 2.50, {"y": null}]}"#, #"text="body""#, "id=7",
      ])
  }

  @Test func decodesEscapesInTheText() throws {
    let tree = TemporaryTree()
    let path = tree.file(
      "in.jsonl", #"{"text":"tab\there \"q\" \ud83d\ude00 lone \ud800 end\n"}"#)
    let document = try #require(try read(path).first?.get())
    #expect(text(document) == "tab\there \"q\" \u{1F600} lone \u{FFFD} end\n")
  }

  @Test func reportsEachBadLineAndGoesOn() {
    let tree = TemporaryTree()
    let path = tree.file(
      "in.jsonl",
      [
        #"{"text": "ok"}"#, #"{"text": "unterminated}"#, #"["not", "an object"]"#,
        #"{"body": "no text"}"#, #"{"text": 42}"#, #"{"text": "trailing"} x"#,
        "{\"text\": \"raw\ttab\"}", #"{"text": "last", "id": "z"}"#,
      ].joined(separator: "\n"))
    #expect(
      read(path).map(summary) == [
        "\(path):1=ok", "invalid-json@2", "invalid-json@3", "missing-text@4", "missing-text@5",
        "invalid-json@6", "invalid-json@7", "z=last",
      ])
  }

  @Test func skipsAByteOrderMarkAndNamesWhatWasFoundInstead() {
    let tree = TemporaryTree()
    let path = tree.file(
      Array("in.jsonl".utf8), [0xEF, 0xBB, 0xBF] + Array("{\"text\":\"a\"}\nnot json\n".utf8))
    let results = read(path)
    #expect(results.map(summary) == ["\(path):1=a", "invalid-json@2"])
    if case .failure(let failure) = results.last {
      #expect(failure.message == "expected a JSON object, found 'n' at byte 1")
    }
  }

  @Test func failuresCarryTheIdTheLineWouldHaveHad() {
    let tree = TemporaryTree()
    let path = tree.file("in.jsonl", "{oops\n{\"id\":\"k\",\"text\":1}\n")
    let ids = read(path).compactMap { result -> String? in
      if case .failure(let failure) = result { return failure.id }
      return nil
    }
    #expect(ids == ["\(path):1", "k"])
  }

  @Test func missingTextMessagesSayWhatIsWrong() {
    let tree = TemporaryTree()
    let path = tree.file("in.jsonl", "{\"body\":\"x\"}\n{\"content\":[1]}")
    let messages = read(path, textField: "content").compactMap { result -> String? in
      if case .failure(let failure) = result { return failure.message }
      return nil
    }
    #expect(
      messages == [
        "no 'content' member (the text field; see --text-field)",
        "'content' is an array, not a string",
      ])
  }

  @Test func readsAHugeLine() throws {
    let tree = TemporaryTree()
    let body = String(repeating: "word ", count: 1_000_000)
    let path = tree.file("in.jsonl", "{\"text\":\"\(body)\"}\n")
    let document = try #require(try read(path, limit: 10 << 20).first?.get())
    #expect(text(document).utf8.count == body.utf8.count)
    #expect(read(path, limit: 1000).map(summary) == ["too-large@1"])
  }

  @Test func rejectsInvalidUTF8AndDeepNesting() {
    let tree = TemporaryTree()
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    let path = tree.file(
      Array("in.jsonl".utf8),
      Array(#"{"text":"a"#.utf8) + [0xFF] + Array("\"}\n{\"x\":\(deep),\"text\":\"t\"}".utf8))
    #expect(read(path).map(summary) == ["invalid-json@1", "invalid-json@2"])
  }
}

@Suite struct TextAndFormatTests {
  @Test func aTextFileIsOneDocumentNamedByItsId() throws {
    let tree = TemporaryTree()
    let path = tree.file("page.txt", "line one\nline two\n")
    #expect(read(path).map(summary) == ["\(path)=line one\nline two\n"])
  }

  @Test func documentsOverTheLimitAreTooLarge() {
    let tree = TemporaryTree()
    let path = tree.file("big.txt", String(repeating: "x", count: 5000))
    #expect(read(path, limit: 1000).map(summary) == ["too-large@-"])
    #expect(read(path, limit: 5000).count == 1)
  }

  @Test func tooLargeSaysTheSizeAndTheLimit() {
    let tree = TemporaryTree()
    let path = tree.file("big.txt", String(repeating: "x", count: 5000))
    guard case .failure(let failure) = read(path, limit: 1000).first else {
      Issue.record("expected too-large")
      return
    }
    #expect(failure.message == "5000 bytes is over limits.max_document_bytes (1000)")
  }

  @Test func aReadErrorIsUnreadableNamingThePathAndReason() {
    let tree = TemporaryTree()
    tree.directory("dir")
    let item = InputItem.file(InputFile(pathBytes: Array(tree.path("dir").utf8), id: "dir"))
    // Opening works; the first read fails (EISDIR), which `open` does to sniff the format.
    guard case .failure(let failure) = InputReader.open(item, options: .init(maxDocumentBytes: 100))
    else {
      Issue.record("expected a failure")
      return
    }
    #expect(failure.code == .unreadable)
    #expect(failure.message == "\(tree.path("dir")): Is a directory")
  }

  @Test func autoDecidesByExtensionThenByFirstBytes() {
    let tree = TemporaryTree()
    let jsonl = tree.file("a.ndjson", "{\"text\":\"j\"}")
    let wet = tree.file("noext", "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n")
    let text = tree.file("b.json", "{\"text\":\"looks like json\"}")
    func format(_ path: String) -> InputFormat? {
      let item = InputItem.file(InputFile(pathBytes: Array(path.utf8), id: path))
      return try? InputReader.open(item, options: .init(maxDocumentBytes: 100)).get().format
    }
    #expect(format(jsonl) == .jsonl)
    #expect(format(wet) == .wet)
    #expect(format(text) == .text)
  }

  @Test func gzipInputsAreInflatedIncludingConcatenatedMembers() throws {
    let tree = TemporaryTree()
    let path = tree.path("in.jsonl.gz")
    var compressed: [UInt8] = []
    for part in ["{\"text\":\"first\"}\n", "{\"text\":\"second\"}\n"] {
      let memberPath = tree.path("member.gz")
      let sink = try GzipFileSink(path: memberPath)
      try sink.write(Array(part.utf8))
      try sink.close()
      compressed += try Array(Data(contentsOf: URL(fileURLWithPath: memberPath)))
    }
    try Data(compressed).write(to: URL(fileURLWithPath: path))
    #expect(read(path).map(summary) == ["\(path):1=first", "\(path):2=second"])
  }

  @Test func gzipIsRecognizedByItsMagicBytesNotItsName() throws {
    let tree = TemporaryTree()
    let compressed = tree.path("data")
    let sink = try GzipFileSink(path: compressed)
    try sink.write(Array("inflated".utf8))
    try sink.close()
    let plain = tree.file("notes.txt.gz", "plain after all")
    #expect(read(compressed).map(summary) == ["\(compressed)=inflated"])
    #expect(read(plain).map(summary) == ["\(plain)=plain after all"])
  }

  /// Zero padding after the last member (as `tar` leaves) is nothing; other bytes there may
  /// be a member whose header was damaged, and are an error, never quietly the end.
  @Test(arguments: [
    ([UInt8]([0, 0, 0, 0]), "kept"), ([0, 0, 0, 0, 0x41, 0x42], "invalid-gzip@-"),
  ])
  func dataAfterTheLastGzipMember(_ tail: [UInt8], expected: String) throws {
    let tree = TemporaryTree()
    let path = tree.path("padded.txt.gz")
    let sink = try GzipFileSink(path: path)
    try sink.write(Array("kept".utf8))
    try sink.close()
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(tail))
    try handle.close()
    let want = expected == "kept" ? "\(path)=kept" : expected
    #expect(read(path).map(summary) == [want])
  }

  @Test func corruptGzipIsInvalidGzip() {
    let tree = TemporaryTree()
    let path = tree.file(Array("bad.txt.gz".utf8), [0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFF, 0xFF])
    let results = read(path)
    #expect(results.map(summary) == ["invalid-gzip@-"])
  }
}

@Suite struct WETReaderTests {
  private static func record(_ headers: [String], _ body: String) -> String {
    let block = Array(body.utf8)
    return "WARC/1.0\r\n" + (headers + ["Content-Length: \(block.count)"]).joined(separator: "\r\n")
      + "\r\n\r\n" + body + "\r\n\r\n"
  }

  @Test func readsConversionRecordsAndSkipsTheRest() {
    let tree = TemporaryTree()
    let content =
      Self.record(["WARC-Type: warcinfo", "WARC-Record-ID: <urn:uuid:1>"], "software: x\r\n")
      + Self.record(
        ["WARC-Type: conversion", "WARC-Target-URI: http://a.example/", "WARC-Record-ID: <u2>"],
        "Title\nBody line\n")
      + Self.record(["WARC-Type: conversion", "WARC-Record-ID: <urn:uuid:3>"], "Only id")
    let path = tree.file("cc.warc.wet", content)
    let results = read(path)
    #expect(
      results.map(summary) == ["http://a.example/=Title\nBody line\n", "<urn:uuid:3>=Only id"])
    #expect(results.compactMap { try? $0.get().line } == [9, 19])
  }

  @Test func malformedRecordIsAFailureAndReadingResumes() {
    let tree = TemporaryTree()
    let content =
      "garbage line\r\nmore\r\n"
      + Self.record(["WARC-Type: conversion", "WARC-Target-URI: u1"], "one")
      + "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: many\r\n\r\nxx\r\n\r\n"
      + Self.record(["WARC-Type: conversion", "WARC-Target-URI: u2"], "two")
    let path = tree.file("x.wet", content)
    #expect(
      read(path).map(summary) == ["invalid-warc@1", "u1=one", "invalid-warc@10", "u2=two"])
  }

  @Test func acceptsBareLineFeedsAndPerRecordGzipMembers() throws {
    let tree = TemporaryTree()
    let path = tree.path("cc.warc.wet.gz")
    var compressed: [UInt8] = []
    for (uri, body) in [("u1", "first"), ("u2", "second")] {
      let record =
        "WARC/1.0\nWARC-Type: conversion\nWARC-Target-URI: \(uri)\n"
        + "Content-Length: \(body.utf8.count)\n\n\(body)\n\n"
      let member = tree.path("member.gz")
      let sink = try GzipFileSink(path: member)
      try sink.write(Array(record.utf8))
      try sink.close()
      compressed += try Array(Data(contentsOf: URL(fileURLWithPath: member)))
    }
    try Data(compressed).write(to: URL(fileURLWithPath: path))
    #expect(read(path).map(summary) == ["u1=first", "u2=second"])
  }

  @Test func truncatedBlockIsAFailure() {
    let tree = TemporaryTree()
    let path = tree.file(
      "t.wet", "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 100\r\n\r\nshort")
    #expect(read(path).map(summary) == ["invalid-warc@1"])
  }
}
