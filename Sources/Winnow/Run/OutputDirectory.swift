import Foundation

/// The `--output-dir` layout: one `.jsonl` per input file, mirroring the input tree, each
/// written atomically so that a rerun after a kill can trust whatever it finds.
///
/// The output of `a/b.txt` is `a/b.txt.jsonl` (the whole name plus `.jsonl`, so `b.txt` and
/// `b.md` never collide). It is first written as `a/.b.txt.jsonl.tmp-PID` and renamed into
/// place when complete; rename is atomic within a directory, so a final name always holds a
/// complete output and a rerun skips it. Temp files left by a killed run are removed when the
/// next run starts.
public struct OutputDirectory: Sendable {
  public let root: String

  /// Marks temp files: `.NAME.jsonl` + this + the writer's process id.
  static let temporaryMarker = ".jsonl.tmp-"

  /// `root` with links resolved, to recognise inputs that are outputs (see `contains`).
  private let resolvedRoot: String?

  public init(root: String) {
    self.root = root
    resolvedRoot = Self.resolve(root)
  }

  /// Whether the file at `path` lies inside this directory. `winnow clean . --output-dir out`
  /// walks `out` too; reading its outputs as inputs would clean them again, so they are
  /// skipped.
  func contains(path: [UInt8]) -> Bool {
    guard let resolvedRoot, let resolved = Self.resolve(path) else { return false }
    return resolved.hasPrefix(resolvedRoot + "/")
  }

  private static func resolve(_ path: some Collection<UInt8>) -> String? {
    guard let resolved = realpath(path.map { CChar(bitPattern: $0) } + [0], nil) else {
      return nil
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  private static func resolve(_ path: String) -> String? { resolve(Array(path.utf8)) }

  /// Where the output of the input with this id goes: the id's components, with those that
  /// a path would not keep renamed (`.` and `..` become `%2E` and `%2E%2E`, an empty one, as
  /// a leading `/` gives, `%2F`). So the ids `../d/x.txt` and `d/x.txt` map to
  /// `%2E%2E/d/x.txt.jsonl` and `d/x.txt.jsonl`, and nothing climbs out of `root`. Names
  /// found by the walk have `%` escaped in their ids, so these never meet them; the inputs
  /// as typed on the command line could (`%2E%2E` and `..`), and `RunReader` reports a
  /// second input that would land on an output already taken.
  public func outputPath(forID id: String) -> String {
    guard !id.isEmpty else { return root + "/stdin.jsonl" }
    let components = id.split(separator: "/", omittingEmptySubsequences: false)
      .map(Self.escapedComponent)
    return root + "/" + components.joined(separator: "/") + ".jsonl"
  }

  private static func escapedComponent(_ component: Substring) -> String {
    switch component {
    case "": "%2F"
    case ".": "%2E"
    case "..": "%2E%2E"
    default: String(component)
    }
  }

  /// Whether a previous run finished this input: only complete outputs carry a final name.
  public func isComplete(id: String) -> Bool {
    FileManager.default.fileExists(atPath: outputPath(forID: id))
  }

  /// The temp name the output for `id` is written under before it is renamed into place.
  func temporaryPath(forID id: String) -> String {
    let final = outputPath(forID: id)
    let slash = final.lastIndex(of: "/")!
    let directory = final[..<slash]
    let name = final[final.index(after: slash)...]
    return "\(directory)/.\(name.dropLast(".jsonl".count))\(Self.temporaryMarker)"
      + "\(ProcessInfo.processInfo.processIdentifier)"
  }

  /// Creates the directory that will hold the output for `id`.
  func createParent(forID id: String) throws {
    let final = outputPath(forID: id)
    let parent = String(final[..<final.lastIndex(of: "/")!])
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
  }

  /// Moves a finished temp file to its final name, never over an existing file: one there
  /// now was written by another input of this run whose name the file system does not tell
  /// apart (a case-insensitive disk) or by another run, and is kept.
  func commit(id: String) throws {
    let source = temporaryPath(forID: id)
    let target = outputPath(forID: id)
    // `link` fails with EEXIST instead of replacing; file systems without hard links fall
    // back to a check before `rename`.
    if link(source, target) == 0 {
      unlink(source)
      return
    }
    let linkError = errno
    if linkError != EEXIST, !FileManager.default.fileExists(atPath: target),
      rename(source, target) == 0
    {
      return
    }
    let reason =
      linkError == EEXIST || FileManager.default.fileExists(atPath: target)
      ? "another input's output is already there (names that differ only in case?)"
      : errnoText()
    unlink(source)
    throw CocoaError(
      .fileWriteUnknown,
      userInfo: [NSLocalizedDescriptionKey: "cannot write \(target): \(reason)"])
  }

  /// Deletes the temp output of an input whose reading failed midway.
  func discard(id: String) {
    unlink(temporaryPath(forID: id))
  }

  /// Deletes temp files of interrupted runs anywhere under `root`; returns how many.
  @discardableResult
  public func removeStaleTemporaries() -> Int {
    guard let walker = FileManager.default.enumerator(atPath: root) else { return 0 }
    var removed = 0
    while let relative = walker.nextObject() as? String {
      let name = relative.split(separator: "/").last.map(String.init) ?? relative
      guard name.hasPrefix("."), name.contains(Self.temporaryMarker) else { continue }
      if unlink(root + "/" + relative) == 0 { removed += 1 }
    }
    return removed
  }

  private func errnoText() -> String { String(cString: strerror(errno)) }
}
