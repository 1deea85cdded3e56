/// How a batch run behaves, beyond what the configuration says about cleaning.
public struct RunOptions: Sendable {
  /// Worker threads that clean documents; reading and writing have a thread each.
  public var jobs: Int
  /// Whether records list each removed line (`winnow.removed_lines`).
  public var explain: Bool
  /// Where error records go.
  public var errors: ErrorRouting
  /// Whether dropped documents leave a drop record in the output stream.
  public var drops: DropRouting
  /// Whether a run over directories first surveys their folders for lines repeated across
  /// pages (`boilerplate.cross_document`); off, every page is judged alone.
  public var surveyFolders: Bool
  /// Whether directory walks follow every symbolic link (`--follow-symlinks`); see
  /// `InputWalker`.
  public var followSymlinks: Bool

  public init(
    jobs: Int, explain: Bool, errors: ErrorRouting, drops: DropRouting = .count,
    surveyFolders: Bool = false, followSymlinks: Bool = false
  ) {
    self.jobs = jobs
    self.explain = explain
    self.errors = errors
    self.drops = drops
    self.surveyFolders = surveyFolders
    self.followSymlinks = followSymlinks
  }

  /// Batches read but not yet written, per worker. Enough to keep every worker busy while
  /// one slow document holds back the ordered output, small enough that memory does not
  /// depend on the corpus (a batch holds at most about 256 KiB plus one document).
  static let batchesInFlightPerJob = 4

  /// Input bytes read but not yet written, at most (one larger document still goes through).
  /// Ordinary pages never come near it (64 batches of 256 KiB fit); it matters when
  /// documents run to megabytes, which cost about 17 times their size while they are
  /// cleaned (docs/robustness.md): two 64 MiB pages cleaned side by side took 2.2 GB, one
  /// at a time half that.
  static let bytesInFlight = 16 << 20
}

/// Where error records go: `--errors FILE` or stderr (and then a failure makes the exit
/// status 1), or `--errors inline`: into the output stream, in input order, where a failure
/// does not change the exit status (under Spark a non-zero exit fails the whole task).
public enum ErrorRouting: Sendable {
  case separate
  case inline
}

/// What a dropped document leaves behind: only its count in the summary (`--drops count`),
/// or also a drop record in the output stream, in input order (`--drops inline`), so that a
/// caller streaming documents through one process can pair each input with one output line.
public enum DropRouting: String, Sendable, CaseIterable {
  case count
  case inline
}
