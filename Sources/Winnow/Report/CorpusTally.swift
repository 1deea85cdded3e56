import Foundation

/// What `winnow report` learns from a run's output, one line at a time: counts and
/// histograms only, plus a fixed-size sample of records, so memory does not grow with the
/// corpus (only with its longest line, which is parsed whole).
public struct CorpusTally {
  /// Documents written as records.
  public private(set) var records = 0
  /// Documents dropped whole (`--drops inline` lines), by reason.
  private(set) var dropped = BoundedCounter()
  /// Inputs that failed (`--errors inline` lines), by error code.
  private(set) var failed = BoundedCounter()
  /// Lines that are not JSON objects or not output of `winnow clean`.
  public private(set) var unrecognized = 0
  /// Removed lines by kind, from every record's `winnow.removed`.
  private(set) var removedByKind = BoundedCounter()
  /// Removed lines by rule, from `winnow.removed_lines` (records made with `--explain`).
  private(set) var removedByRule = BoundedCounter()
  /// The kind each rule removed first, to colour its bar.
  private(set) var kindOfRule: [String: String] = [:]
  /// Records that carried `winnow.removed_lines`.
  private(set) var explainedRecords = 0
  private(set) var documentsByLanguage = BoundedCounter()
  private(set) var charsIn = SizeHistogram()
  private(set) var charsOut = SizeHistogram()
  private(set) var keptShare = ShareHistogram()
  private(set) var totalCharsIn = 0
  private(set) var totalCharsOut = 0
  private(set) var sample: ReservoirSample<SampledPage>
  private let decoder = JSONDecoder()

  /// `sampleSize` records are kept whole for the report's sample of pages.
  public init(sampleSize: Int) {
    sample = ReservoirSample(capacity: sampleSize)
  }

  /// Counts one line of output (without its `\n`); blank lines are skipped.
  public mutating func add(line: [UInt8]) {
    guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
    guard let parsed = try? decoder.decode(OutputLine.self, from: Data(line)) else {
      unrecognized += 1
      return
    }
    switch parsed.shape {
    case .record(let winnow): add(record: parsed, winnow)
    case .dropped(let reason): dropped.add(reason)
    case .failed(let code): failed.add(code)
    case .unknown: unrecognized += 1
    }
  }

  private mutating func add(record: OutputLine, _ winnow: OutputLine.WinnowFields) {
    records += 1
    for (kind, count) in winnow.removed ?? [:] where count > 0 { removedByKind.add(kind, count) }
    if let lines = winnow.removedLines {
      explainedRecords += 1
      for line in lines {
        removedByRule.add(line.rule)
        if kindOfRule[line.rule] == nil, kindOfRule.count < removedByRule.limit {
          kindOfRule[line.rule] = line.kind
        }
      }
    }
    documentsByLanguage.add(record.language ?? "und")
    let charsIn = max(0, winnow.charsIn ?? 0)
    let charsOut = max(0, winnow.charsOut ?? 0)
    self.charsIn.add(charsIn)
    self.charsOut.add(charsOut)
    keptShare.add(kept: charsOut, of: charsIn)
    totalCharsIn = totalCharsIn.saturatingAdd(charsIn)
    totalCharsOut = totalCharsOut.saturatingAdd(charsOut)
    let position = sample.seen
    sample.offer { SampledPage(record, winnow: winnow, position: position) }
  }

  /// Documents the output accounts for: records, drops and failures.
  public var documents: Int { records + dropped.total + failed.total }
}
