/// In how many pages of one folder each line occurs: the evidence the boilerplate stage
/// reads to drop chrome that repeats across a site's pages.
///
/// Built once by a survey before the run, then shared read-only by every page of the folder
/// (a `final class`, so that pages carry a reference, not a copy). Lines seen on one page
/// only are not kept: they can never count as repeated.
public final class LineRepetition: Sendable {
  /// Pages surveyed in the folder.
  public let pages: Int
  private let counts: [UInt64: Int32]

  init(pages: Int, counts: [UInt64: Int32]) {
    self.pages = pages
    self.counts = counts.filter { $0.value >= 2 }
  }

  /// Pages of the folder the line occurs in (white space and case folded); 0 for a blank
  /// line or one the survey did not track.
  public func pagesContaining(_ line: String) -> Int {
    guard let fingerprint = LineFingerprint.of(line) else { return 0 }
    return pages(withFingerprint: fingerprint)
  }

  func pages(withFingerprint fingerprint: UInt64) -> Int { Int(counts[fingerprint] ?? 0) }
}

/// Counts, page by page, in how many pages of each folder every distinct line occurs.
///
/// Memory is bounded by `maxTrackedLines` distinct (folder, line) entries over the whole
/// survey: once full, lines already tracked are still counted but new ones are not. Pages
/// are added in the run's sorted input order, so the result is the same on every run.
public struct LineRepetitionSurvey {
  public let maxTrackedLines: Int
  private var folders: [String: (pages: Int, counts: [UInt64: Int32])] = [:]
  private var tracked = 0

  public init(maxTrackedLines: Int) { self.maxTrackedLines = maxTrackedLines }

  /// Distinct (folder, line) entries tracked so far.
  public var trackedLines: Int { tracked }

  /// Adds one page of `folder`; each distinct line counts once per page.
  public mutating func add(page text: String, folder: String) {
    var seen: Set<UInt64> = []
    for line in Page.splitLines(text) {
      if let fingerprint = LineFingerprint.of(line.text) { seen.insert(fingerprint) }
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
    folders.mapValues { LineRepetition(pages: $0.pages, counts: $0.counts) }
  }
}
