import Testing

@testable import Winnow

@Suite struct CorpusTallyTests {
  private let record = """
    {"id":"a","source":"a","text":"Hello\\nWorld","language":"en","segments":[],\
    "winnow":{"encoding":"UTF-8","lines_in":5,"lines_kept":2,"chars_in":40,"chars_out":11,\
    "removed":{"navigation":2,"legal":1},"repairs":{},"removed_lines":[\
    {"line":1,"kind":"navigation","rule":"builtin.nav","text":"Home"},\
    {"line":2,"kind":"navigation","rule":"context.above-title","text":"News"},\
    {"line":5,"kind":"legal","rule":"builtin.legal","text":"© 2024"}]}}
    """

  private func tally(_ lines: [String], sample: Int = 5) -> CorpusTally {
    var tally = CorpusTally(sampleSize: sample)
    for line in lines { tally.add(line: Array(line.utf8)) }
    return tally
  }

  @Test func countsRecordsDropsFailuresAndOtherLines() {
    let tally = tally([
      record, #"{"id":"b","source":"b","dropped":"empty"}"#,
      #"{"id":"c","source":"c","error":"binary","message":"binary data"}"#, "not json", "",
      #"{"unrelated":1}"#,
    ])
    #expect(tally.records == 1)
    #expect(tally.dropped.counts == ["empty": 1])
    #expect(tally.failed.counts == ["binary": 1])
    #expect(tally.unrecognized == 2)
    #expect(tally.documents == 3)
    #expect(tally.removedByKind.counts == ["navigation": 2, "legal": 1])
    #expect(
      tally.removedByRule.counts
        == ["builtin.nav": 1, "context.above-title": 1, "builtin.legal": 1])
    #expect(tally.kindOfRule["builtin.legal"] == "legal")
    #expect(tally.documentsByLanguage.counts == ["en": 1])
    #expect(tally.charsIn.counts[SizeHistogram.band(of: 40)] == 1)
    #expect(tally.keptShare.counts[2] == 1, "11 of 40 characters is in the 20% band")
  }

  @Test func inputFieldsOfOtherTypesDoNotHideTheRecord() {
    // A JSONL input's own members pass through: an `error` number, a numeric id.
    let line = record.replacingOccurrences(of: #"{"id":"a""#, with: #"{"id":7,"error":3"#)
    let tally = tally([line])
    #expect(tally.records == 1)
    #expect(tally.sample.inOrder.first?.id == "7")
  }

  @Test func theSampleIsBoundedAndTheSameOnEveryRun() {
    let lines = (0..<500).map {
      record.replacingOccurrences(of: #""id":"a""#, with: "\"id\":\"r\($0)\"")
    }
    let first = tally(lines, sample: 7).sample.inOrder.map(\.id)
    let second = tally(lines, sample: 7).sample.inOrder.map(\.id)
    #expect(first.count == 7)
    #expect(first == second)
    #expect(Set(first).count == 7)
    #expect(first != (0..<7).map { "r\($0)" }, "a uniform sample reaches past the first records")
  }

  @Test func boundedCounterFoldsNamesPastItsLimitIntoOther() {
    var counter = BoundedCounter(limit: 2)
    for name in ["a", "b", "c", "a", "d"] { counter.add(name) }
    #expect(counter.counts == ["a": 2, "b": 1])
    #expect(counter.other == 2)
    #expect(counter.total == 5)
  }
}
