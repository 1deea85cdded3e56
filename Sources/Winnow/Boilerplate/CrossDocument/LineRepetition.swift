/// In how many pages of one folder each line occurs: the evidence the boilerplate stage
/// reads to drop chrome that repeats across a site's pages.
///
/// Built once by a survey before the run, then shared read-only by every page of the folder
/// (a `final class`, so that pages carry a reference, not a copy). Lines seen on one page
/// only are not kept: they can never count as repeated.
public final class LineRepetition: Sendable {
  /// Pages surveyed in the folder.
  public let pages: Int
  /// Longer lines (UTF-8 bytes) were not counted.
  public let maxLineBytes: Int
  private let counts: [UInt64: Int32]

  init(pages: Int, maxLineBytes: Int, counts: [UInt64: Int32]) {
    self.pages = pages
    self.maxLineBytes = maxLineBytes
    self.counts = counts.filter { $0.value >= 2 }
  }

  /// Pages of the folder the line occurs in (white space and case folded); 0 for a blank
  /// line, a line over `maxLineBytes`, or one the survey did not track.
  public func pagesContaining(_ line: String) -> Int {
    guard line.utf8.count <= maxLineBytes, let fingerprint = LineFingerprint.of(line) else {
      return 0
    }
    return Int(counts[fingerprint] ?? 0)
  }
}

/// Counts, page by page, in how many pages of each folder every distinct line occurs.
///
/// Memory is bounded by `maxTrackedLines` distinct (folder, line) entries over the whole
/// survey: once full, lines already tracked are still counted but new ones are not. Pages
/// are added in the run's sorted input order, so the result is the same on every run.
/// Lines over `maxLineBytes` are skipped unhashed.
public struct LineRepetitionSurvey {
  public let maxTrackedLines: Int
  public let maxLineBytes: Int
  private var folders: [String: (pages: Int, counts: [UInt64: Int32])] = [:]
  private var tracked = 0

  public init(maxTrackedLines: Int, maxLineBytes: Int) {
    self.maxTrackedLines = maxTrackedLines
    self.maxLineBytes = maxLineBytes
  }

  /// Distinct (folder, line) entries tracked so far.
  public var trackedLines: Int { tracked }

  /// Adds one page of `folder`; each distinct line counts once per page.
  public mutating func add(page text: String, folder: String) {
    var seen: Set<UInt64> = []
    var text = text
    text.withUTF8 { bytes in
      // Lines end at `\n`, `\r\n` or `\r`, as `Page.splitLines` splits them.
      var start = 0
      for index in 0...bytes.count
      where index == bytes.count || bytes[index] == 0x0A
        || bytes[index] == 0x0D
      {
        if index - start <= maxLineBytes, let fingerprint = LineFingerprint.of(bytes[start..<index])
        {
          seen.insert(fingerprint)
        }
        start = index + 1
      }
    }
    var entry = folders.removeValue(forKey: folder) ?? (0, [:])
    entry.pages += 1
    for fingerprint in seen.sorted() {
      if let count = entry.counts[fingerprint] {
        entry.counts[fingerprint] = count + 1
      } else if tracked < maxTrackedLines {
        entry.counts[fingerprint] = 1
        tracked += 1
      }
    }
    folders[folder] = entry
  }

  /// The finished tables, by folder.
  public func tables() -> [String: LineRepetition] {
    folders.mapValues {
      LineRepetition(pages: $0.pages, maxLineBytes: maxLineBytes, counts: $0.counts)
    }
  }
}
