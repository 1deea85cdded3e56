/// The `boilerplate.cross_document` section: lines that repeat across the pages of one
/// folder are site chrome (navigation bars, footers, promos).
public struct CrossDocumentSettings: Codable, Sendable, Equatable {
  /// Whether a run that surveys its folders (directory inputs) drops repeated lines.
  public var enabled: Bool
  /// A folder needs this many pages before its repetitions count; a line needs at least this
  /// many pages too.
  public var minPages: Int
  /// A line is chrome when it occurs in at least this share of its folder's pages.
  public var minShare: Double
  /// Distinct lines the survey tracks over the whole run, at most: bounds its memory.
  public var maxTrackedLines: Int
  /// Longer lines (UTF-8 bytes) are neither counted nor dropped: chrome is short, and
  /// article paragraphs, most of the bytes, need not be hashed.
  public var maxLineBytes: Int
  /// Pages per folder the survey reads, at most: the first ones in the run's order. Shares
  /// are taken over the pages read.
  public var pagesPerFolder: Int

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled
    case minPages = "min_pages"
    case minShare = "min_share"
    case maxTrackedLines = "max_tracked_lines"
    case maxLineBytes = "max_line_bytes"
    case pagesPerFolder = "pages_per_folder"
  }

  /// Values that decode but cannot be used, with key paths below `cross_document`.
  func problems() -> [SettingsProblem] {
    var problems: [SettingsProblem] = []
    if minPages < 2 {
      problems.append(SettingsProblem(keyPath: ["min_pages"], message: "must be at least 2"))
    }
    if !(minShare > 0 && minShare <= 1) {
      problems.append(
        SettingsProblem(keyPath: ["min_share"], message: "must be greater than 0, at most 1"))
    }
    if maxTrackedLines < 0 {
      problems.append(
        SettingsProblem(keyPath: ["max_tracked_lines"], message: "must be 0 or more"))
    }
    if maxLineBytes < 1 {
      problems.append(SettingsProblem(keyPath: ["max_line_bytes"], message: "must be 1 or more"))
    }
    if pagesPerFolder < minPages {
      problems.append(
        SettingsProblem(keyPath: ["pages_per_folder"], message: "must be at least min_pages"))
    }
    return problems
  }

  /// Pages of a folder of `pages` that a line must occur in to be chrome; nil when the
  /// folder is too small to tell.
  func pagesNeeded(inFolderOf pages: Int) -> Int? {
    guard enabled, pages >= minPages else { return nil }
    return max(minPages, Int((minShare * Double(pages)).rounded(.up)))
  }
}
