import Foundation

/// `wet`: Common Crawl WET files, a sequence of WARC records. Each `WARC-Type: conversion`
/// record is one document: its id is `WARC-Target-URI` (else `WARC-Record-ID`), its content
/// the block of `Content-Length` bytes. Other records (`warcinfo`, `request`, ...) are skipped.
///
/// A malformed header is an `invalid-warc` failure at its line, and reading resumes at the
/// next line starting with `WARC/`; a block over the limit is skipped without being held. A
/// header over `maxHeaderBytes` is malformed, and lines are read in bounded pieces, so no
/// input shape (`/dev/zero` included) makes the reader hold more than that.
final class WETReader: FormatReader {
  private let bytes: ByteReader
  private let context: ReadContext
  private var line: [UInt8] = []
  private var lineLength = 0
  /// Lines consumed so far, so that failures can name the line of a record's header.
  private var linesRead = 0
  private var done = false
  /// Bytes one record's header lines may take together; real WARC headers take well under
  /// 4 KiB.
  static let maxHeaderBytes = 1 << 20

  init(bytes: ByteReader, context: ReadContext) {
    self.bytes = bytes
    self.context = context
  }

  func next() -> Result<RawDocument, InputFailure>? {
    while !done {
      do {
        if let result = try nextRecord() { return result }
      } catch {
        done = true
        return .failure(context.readFailure(error, line: linesRead))
      }
    }
    return nil
  }

  /// Reads one record: a document, a failure, or nil for a skipped record (or the end).
  private func nextRecord() throws(InputReadError) -> Result<RawDocument, InputFailure>? {
    guard try readLine(skippingBlank: true) else {
      done = true
      return nil
    }
    let recordLine = linesRead
    guard line.starts(with: Array("WARC/".utf8)) else {
      try skipToNextRecord()
      return .failure(invalid("expected a WARC/1.0 record header", line: recordLine))
    }
    var headers: [String: String] = [:]
    var headerBytes = 0
    while try readLine(skippingBlank: false), !line.isEmpty {
      headerBytes += lineLength
      guard headerBytes <= Self.maxHeaderBytes else {
        try skipToNextRecord()
        return .failure(
          invalid("record header longer than \(Self.maxHeaderBytes) bytes", line: recordLine))
      }
      guard let field = WARCHeaderField(line[...]) else {
        try skipToNextRecord()
        return .failure(invalid("header line without ':'", line: linesRead))
      }
      headers[field.name] = field.value
    }
    guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0
    else {
      try skipToNextRecord()
      return .failure(invalid("missing or bad Content-Length", line: recordLine))
    }
    let id =
      headers["warc-target-uri"] ?? headers["warc-record-id"] ?? "\(context.source):\(recordLine)"
    let isConversion = headers["warc-type"]?.lowercased() == "conversion"
    if !isConversion || !context.options.sizeLimit.admits(length) {
      let skipped = try bytes.skip(upTo: length) { chunk in linesRead += Self.newlines(in: chunk) }
      guard skipped == length else { return truncated(id: id, line: recordLine) }
      return isConversion ? .failure(context.tooLarge(size: length, line: recordLine, id: id)) : nil
    }
    var block: [UInt8] = []
    block.reserveCapacity(length)
    guard try bytes.read(upTo: length, into: &block) == length else {
      return truncated(id: id, line: recordLine)
    }
    linesRead += block.withUnsafeBufferPointer(Self.newlines)
    return .success(
      RawDocument(id: id, source: context.source, line: recordLine, content: .bytes(block)))
  }

  private func truncated(id: String, line: Int) -> Result<RawDocument, InputFailure> {
    done = true
    return .failure(
      InputFailure(
        source: context.source, line: line, id: id, code: .invalidWARC,
        message: "record ends before its Content-Length"))
  }

  private func invalid(_ message: String, line: Int) -> InputFailure {
    InputFailure(
      source: context.source, line: line, id: context.lineID(line), code: .invalidWARC,
      message: message)
  }

  /// Reads a line (without `\r\n` or `\n`); with `skippingBlank`, blank lines before it are
  /// passed over. False at the end of the input.
  /// A line longer than `maxHeaderBytes` keeps only its start (`lineLength` is its whole
  /// length).
  private func readLine(skippingBlank: Bool) throws(InputReadError) -> Bool {
    while let length = try bytes.readLine(into: &line, limit: Self.maxHeaderBytes) {
      linesRead += 1
      lineLength = length
      if line.last == 0x0D { line.removeLast() }
      if !(skippingBlank && line.isEmpty) { return true }
    }
    return false
  }

  /// Resynchronizes after a malformed header: stops before the next `WARC/` line.
  private func skipToNextRecord() throws(InputReadError) {
    while true {
      let head = try bytes.peek(5)
      if head.isEmpty { return }
      if Array(head) == Array("WARC/".utf8) { return }
      guard try readLine(skippingBlank: false) else { return }
    }
  }

  private static func newlines(in chunk: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in chunk where byte == 0x0A { count += 1 }
    return count
  }
}
