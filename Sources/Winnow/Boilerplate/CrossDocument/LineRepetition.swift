/// In how many pages of one folder each line occurs: the evidence the boilerplate stage
/// reads to drop chrome that repeats across a site's pages.
///
/// Built once by a survey before the run, then shared read-only by every page of the folder
/// (a `final class`, so that pages carry a reference, not a copy). Lines seen on one page
/// only are not kept: they can never count as repeated.
public final class LineRepetition: FolderEvidence {
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
/// survey. When a page would pass the cap, lines seen on one page so far are forgotten in
/// the other folders (most entries are such lines, and the folders the walk has left are
/// done, so the folders it goes on to still get evidence); when
/// that frees less than half, the cap holds: lines already tracked are still counted but new
/// ones are not. Pages are added in the run's sorted input order, so the result is the same
/// on every run.
/// Lines over `maxLineBytes` are skipped unhashed.
public struct LineRepetitionSurvey {
  public let maxTrackedLines: Int
  public let maxLineBytes: Int
  private var folders: [String: (pages: Int, counts: [UInt64: Int32])] = [:]
  private var tracked = 0
  /// Whether the last forgetting freed enough to try it again.
  private var forgettingPays = true

  public init(maxTrackedLines: Int, maxLineBytes: Int) {
    self.maxTrackedLines = maxTrackedLines
    self.maxLineBytes = maxLineBytes
  }

  /// Distinct (folder, line) entries tracked so far.
  package var trackedLines: Int { tracked }

  /// Adds one page of `folder`; each distinct line counts once per page.
  public mutating func add(page text: String, folder: String) {
    add(fingerprints: Self.fingerprints(of: text, maxLineBytes: maxLineBytes), folder: folder)
  }

  /// Adds one page of `folder` by its lines' fingerprints, sorted and distinct, as
  /// `fingerprints(of:maxLineBytes:)` gives them: the part a survey can compute on many
  /// threads while pages are added in order.
  public mutating func add(fingerprints seen: [UInt64], folder: String) {
    if forgettingPays && tracked + seen.count > maxTrackedLines {
      forgetSingletons(except: folder)
    }
    var entry = folders.removeValue(forKey: folder) ?? (0, [:])
    entry.pages += 1
    for fingerprint in seen {
      if let count = entry.counts[fingerprint] {
        entry.counts[fingerprint] = count + 1
      } else if tracked < maxTrackedLines {
        entry.counts[fingerprint] = 1
        tracked += 1
      }
    }
    folders[folder] = entry
  }

  /// The distinct fingerprints of the page's lines up to `maxLineBytes`, sorted. Lines end
  /// at `\n`, `\r\n` or `\r`, as `Page.splitLines` splits them.
  public static func fingerprints(of text: String, maxLineBytes: Int) -> [UInt64] {
    var seen: [UInt64] = []
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for index in 0...bytes.count {
        guard index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D else {
          continue
        }
        if index - start <= maxLineBytes,
          let fingerprint = LineFingerprint.of(bytes[start..<index])
        {
          seen.append(fingerprint)
        }
        start = index + 1
      }
    }
    // Sorting and dropping neighbours costs less than hashing into a set first.
    seen.sort()
    var distinct = 0
    for index in seen.indices where index == 0 || seen[index] != seen[distinct - 1] {
      seen[distinct] = seen[index]
      distinct += 1
    }
    seen.removeLast(seen.count - distinct)
    return seen
  }

  /// Forgets the lines seen on one page in every folder but `current`, whose lines are
  /// the ones about to repeat.
  private mutating func forgetSingletons(except current: String) {
    let before = tracked
    tracked = 0
    for (folder, entry) in folders {
      let counts = folder == current ? entry.counts : entry.counts.filter { $0.value >= 2 }
      folders[folder] = (entry.pages, counts)
      tracked += counts.count
    }
    forgettingPays = (before - tracked) * 2 >= before
  }

  /// The finished tables, by folder.
  public func tables() -> [String: LineRepetition] {
    folders.mapValues {
      LineRepetition(pages: $0.pages, maxLineBytes: maxLineBytes, counts: $0.counts)
    }
  }
}
