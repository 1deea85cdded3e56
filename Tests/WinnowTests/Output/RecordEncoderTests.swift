import Foundation
import Testing

@testable import Winnow

private func sampleRecord(inputFields: RawJSONObject? = nil) -> Record {
  Record(
    id: "news/000.txt", source: "news/000.txt", text: "Body \"quoted\" a/b é\ttab\n2nd\u{1}",
    title: "Title", language: "en",
    segments: [Segment(start: 0, end: 12, language: "en", script: "Latn", confidence: 0.9899999)],
    encoding: "UTF-8", encodingConfidence: 1, invalidBytes: 0, linesIn: 5, linesKept: 2,
    charsIn: 40, charsOut: 20,
    removals: [
      Removal(line: 3, stage: .boilerplate, rule: "builtin.counter", kind: .counter, text: "273"),
      Removal(
        line: 1, stage: .boilerplate, rule: "builtin.nav", kind: .navigation, text: "Home"),
    ],
    repairs: [.invisible: 4], inputFields: inputFields)
}

private func line(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

@Suite struct RecordEncoderTests {
  @Test func writesTheContractsKeyOrderAndEscapesOnlyWhatJSONNeeds() {
    let expected =
      #"{"id":"news/000.txt","source":"news/000.txt","#
      + #""text":"Body \"quoted\" a/b é\ttab\n2nd\u0001","title":"Title","language":"en","#
      + #""segments":[{"start":0,"end":12,"language":"en","script":"Latn","confidence":0.99}],"#
      + #""winnow":{"encoding":"UTF-8","lines_in":5,"lines_kept":2,"chars_in":40,"#
      + #""chars_out":20,"removed":{"navigation":1,"counter":1},"repairs":{"mojibake":0,"#
      + #""entities":0,"invisible":4,"control":0,"whitespace":0,"punctuation":0,"#
      + #""normalization":0,"line-endings":0}}}"# + "\n"
    #expect(line(RecordEncoder.encode(sampleRecord(), explain: false)) == expected)
  }

  @Test func explainListsRemovedLinesAndGuessesShowTheirConfidence() {
    var record = sampleRecord()
    record.encoding = "windows-1252"
    record.encodingConfidence = 0.62
    record.invalidBytes = 2
    let text = line(RecordEncoder.encode(record, explain: true))
    #expect(text.contains(#""encoding":"windows-1252","encoding_confidence":0.62,"#))
    #expect(
      text.hasSuffix(
        #""invalid_bytes":2,"removed_lines":[{"line":3,"kind":"counter","#
          + #""rule":"builtin.counter","text":"273"},{"line":1,"kind":"navigation","#
          + #""rule":"builtin.nav","text":"Home"}]}}"# + "\n"))
  }

  @Test func aFallbackIsMarkedAfterTheCounts() {
    var record = sampleRecord()
    #expect(!line(RecordEncoder.encode(record, explain: false)).contains("fallback"))
    record.fallback = true
    #expect(
      line(RecordEncoder.encode(record, explain: false)).hasSuffix(
        #""line-endings":0},"fallback":true}}"# + "\n"))
  }

  @Test func keepsInputMembersInOrderAndReplacesSameNamedOnes() {
    let fields = RawJSONObject(members: [
      .init(key: "url", rawValue: #""http://x/""#),
      .init(key: "id", rawValue: "17"),
      .init(key: "text", rawValue: #""dirty""#),
      .init(key: "n", rawValue: "1e400"),
      .init(key: "big", rawValue: "123456789012345678901234567890"),
      .init(key: "language", rawValue: #""xx""#),
    ])
    var record = sampleRecord(inputFields: fields)
    record.id = "17"
    record.text = "clean"
    record.title = nil
    let text = line(RecordEncoder.encode(record, explain: false))
    #expect(
      text.hasPrefix(
        #"{"url":"http://x/","id":17,"text":"clean","n":1e400,"#
          + #""big":123456789012345678901234567890,"language":"en","source":"news/000.txt","#
          + #""segments":["#))
    #expect(!text.contains("title"))
  }

  @Test func everyLineIsValidJSON() throws {
    let bytes = RecordEncoder.encode(sampleRecord(), explain: true)
    #expect(bytes.last == 0x0A)
    #expect(bytes.dropLast().allSatisfy { $0 != 0x0A })
    let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    #expect(object?["text"] as? String == sampleRecord().text)
  }

  @Test func numbersAreShortAndIntegersExact() {
    let cases: [(Double, String)] = [
      (0.98999999, "0.99"), (1, "1"), (0, "0"), (0.5, "0.5"), (.nan, "0"), (0.123456, "0.1235"),
    ]
    for (value, expected) in cases {
      var json = JSONBytes()
      json.decimal(value)
      #expect(line(json.bytes) == expected)
    }
    for value in [0, 7, 10, 99, 100, 12345, Int.max, Int.min, -42] {
      var json = JSONBytes()
      json.integer(value)
      #expect(line(json.bytes) == String(value))
    }
  }
}

@Suite struct ErrorRecordEncoderTests {
  @Test func writesSourceLineErrorAndMessage() {
    let failure = InputFailure(
      source: "a.jsonl", line: 3, id: "a.jsonl:3", code: .invalidJSON, message: "bad \"x\"")
    #expect(
      line(ErrorRecordEncoder.encode(failure, inline: false))
        == #"{"source":"a.jsonl","line":3,"error":"invalid-json","message":"bad \"x\""}"# + "\n")
    #expect(
      line(ErrorRecordEncoder.encode(failure, inline: true))
        == #"{"id":"a.jsonl:3","source":"a.jsonl","line":3,"error":"invalid-json","#
        + #""message":"bad \"x\""}"# + "\n")
  }

  @Test func omitsAnAbsentLine() {
    let failure = InputFailure(source: "d/x", code: .missing, message: "d/x: gone")
    #expect(
      line(ErrorRecordEncoder.encode(failure, inline: true))
        == #"{"source":"d/x","error":"missing","message":"d/x: gone"}"# + "\n")
  }
}

@Suite struct RunSummaryTests {
  @Test func countsAddUpAcrossWorkers() {
    var first = RunSummary()
    first.read = 2
    first.countWritten(bytesIn: 100, bytesOut: 60)
    first.countDropped(.empty, bytesIn: 5)
    var second = RunSummary()
    second.read = 4
    second.countWritten(bytesIn: 50, bytesOut: 20)
    second.countFailed(InputFailure(source: "x", code: .invalidJSON, message: ""), bytesIn: 7)
    second.countFailed(InputFailure(source: "y", code: .missing, message: ""))
    second.countDropped(.empty, bytesIn: 0)
    let total = first + second
    #expect(total.read == 6)
    #expect(total.accounted == 6)
    #expect((total.written, total.dropped, total.failed) == (2, 2, 2))
    #expect((total.bytesIn, total.bytesOut) == (162, 80))
    #expect(
      total.textLines == [
        "winnow: dropped empty 2", "winnow: failed invalid-json 1, missing 1",
        "winnow: bytes in 162, out 80", "winnow: read 6, written 2, dropped 2, failed 2",
      ])
    #expect(
      line(total.jsonLine)
        == #"{"read":6,"written":2,"dropped":2,"failed":2,"dropped_by_reason":{"empty":2},"#
        + #""failed_by_error":{"invalid-json":1,"missing":1},"skipped":0,"bytes_in":162,"#
        + #""bytes_out":80}"# + "\n")
  }

  @Test func anEmptyRunStillEndsWithTheTotalsLine() {
    #expect(RunSummary().textLines.last == "winnow: read 0, written 0, dropped 0, failed 0")
  }
}
