import Glibc

/// Expands the command line's inputs into files to read, lazily and in a stable order.
///
/// - No inputs, or `-`, means stdin.
/// - A directory is walked recursively in component-wise byte order of its paths (as ripgrep
///   sorts): each directory's entries sorted by name bytes, depth first, so `a/z` comes before
///   `a.txt`. Hidden entries (names starting with `.`), FIFOs, sockets and devices inside a walk
///   are skipped; a FIFO or hidden file named explicitly is read.
/// - Inside a walk, a symbolic link is followed only to a file inside the walked directory:
///   links to directories, and to files outside the tree (`passwd -> /etc/passwd`), are
///   skipped, so that a crawl cannot lead the run out of the tree it was given. With
///   `followSymlinks` (`--follow-symlinks`) every link is followed. An input named on the
///   command line is read wherever a link takes it. A loop (a link chain that never ends, or
///   a link to a directory above it) is a `symlink-loop` failure and a dangling link is
///   `unreadable`; the walk goes on after either.
/// - A missing input is a `missing` failure.
///
/// Each directory is listed whole (to sort it), but the tree is never held in memory at once.
public struct InputWalker: Sequence, Sendable {
  public let inputs: [String]
  public let followSymlinks: Bool

  public init(inputs: [String], followSymlinks: Bool = false) {
    self.inputs = inputs.isEmpty ? ["-"] : inputs
    self.followSymlinks = followSymlinks
  }

  public func makeIterator() -> Iterator {
    Iterator(inputs: inputs, followSymlinks: followSymlinks)
  }

  public struct Iterator: IteratorProtocol, Sendable {
    private let inputs: [String]
    private let followSymlinks: Bool
    private var nextInput = 0
    private var stack: [DirectoryFrame] = []

    init(inputs: [String], followSymlinks: Bool) {
      self.inputs = inputs
      self.followSymlinks = followSymlinks
    }

    public mutating func next() -> InputItem? {
      while true {
        if let item = nextFromStack() { return item }
        if !stack.isEmpty { continue }
        guard nextInput < inputs.count else { return nil }
        let input = inputs[nextInput]
        nextInput += 1
        if let item = start(input) { return item }
      }
    }

    /// Handles one command-line input: a file item, a failure, or a pushed directory (nil).
    private mutating func start(_ input: String) -> InputItem? {
      if input == "-" { return .stdin }
      let pathBytes = Array(input.utf8)
      let several = inputs.count > 1
      switch FileStatus.following(pathBytes) {
      case .failure(let error):
        return .failure(error.failure(source: input, path: input, isInput: true))
      case .success(let status) where status.isDirectory:
        var prefix = input
        while prefix.count > 1, prefix.hasSuffix("/") { prefix.removeLast() }
        stack.append(
          DirectoryFrame(
            pathBytes: pathBytes, idPrefix: several ? prefix + "/" : "",
            ancestors: [status.identity], root: FileStatus.realPath(pathBytes)))
        return nil
      case .success(let status):
        return .file(InputFile(pathBytes: pathBytes, id: input, size: status.regularFileSize))
      }
    }

    /// The next item inside the directory on top of the stack, or nil when it is exhausted
    /// (popped) or a subdirectory was pushed.
    private mutating func nextFromStack() -> InputItem? {
      guard var frame = stack.popLast() else { return nil }
      if frame.entries == nil {
        switch frame.list() {
        case .success(let names): frame.entries = names
        case .failure(let error):
          let id = frame.idPrefix.isEmpty ? frame.path : String(frame.idPrefix.dropLast())
          return .failure(error.failure(source: id, path: frame.path, isInput: false))
        }
      }
      guard let entries = frame.entries, frame.nextEntry < entries.count else { return nil }
      let name = entries[frame.nextEntry]
      frame.nextEntry += 1
      stack.append(frame)
      let childBytes = frame.childPath(name)
      let id = frame.idPrefix + PercentEscaping.escapingInvalidUTF8(name)
      let path = PercentEscaping.escapingInvalidUTF8(childBytes)
      let status = FileStatus.following(childBytes)
      if !followSymlinks, FileStatus.isSymlink(childBytes), case .success(let target) = status,
        !frame.admitsLink(childBytes, to: target)
      {
        return nil
      }
      switch status {
      case .failure(let error):
        return .failure(error.failure(source: id, path: path, isInput: false))
      case .success(let status) where status.isDirectory:
        if frame.ancestors.contains(status.identity) {
          return .failure(
            InputFailure(
              source: id, id: id, code: .symlinkLoop,
              message: "\(path): symbolic link loop (points to a directory above it)"))
        }
        stack.append(
          DirectoryFrame(
            pathBytes: childBytes, idPrefix: id + "/",
            ancestors: frame.ancestors + [status.identity], root: frame.root))
        return nil
      case .success(let status) where status.isRegularFile:
        return .file(InputFile(pathBytes: childBytes, id: id, size: status.regularFileSize))
      case .success:
        return nil  // FIFOs, sockets and devices inside a walk are not documents
      }
    }
  }
}

/// A directory being walked: its sorted entries and where the walk is in them.
private struct DirectoryFrame: Sendable {
  var pathBytes: [UInt8]
  /// What ids of its entries start with: empty at the root of a single input.
  var idPrefix: String
  /// Device and inode of this directory and those above it, to catch links back up the tree.
  var ancestors: [FileStatus.Identity]
  var entries: [[UInt8]]?
  var nextEntry = 0
  /// The walked input directory with links resolved, which links may not lead out of.
  var root: [UInt8]?

  init(
    pathBytes: [UInt8], idPrefix: String, ancestors: [FileStatus.Identity], root: [UInt8]?
  ) {
    self.pathBytes = pathBytes
    self.idPrefix = idPrefix
    self.ancestors = ancestors
    self.root = root
  }

  /// Whether the walk follows the link at `path` to `target` without `--follow-symlinks`:
  /// only to a regular file inside the walked directory.
  func admitsLink(_ path: [UInt8], to target: FileStatus) -> Bool {
    guard target.isRegularFile, let root, let resolved = FileStatus.realPath(path) else {
      return false
    }
    return resolved.starts(with: root.last == UInt8(ascii: "/") ? root : root + [UInt8(ascii: "/")])
  }

  var path: String { PercentEscaping.escapingInvalidUTF8(pathBytes) }

  func childPath(_ name: [UInt8]) -> [UInt8] {
    pathBytes.last == UInt8(ascii: "/") ? pathBytes + name : pathBytes + [UInt8(ascii: "/")] + name
  }

  /// The visible entry names, sorted by their bytes.
  func list() -> Result<[[UInt8]], FileStatus.Error> {
    guard let directory = opendir(pathBytes.cString) else {
      return .failure(FileStatus.Error(errno: errno))
    }
    defer { closedir(directory) }
    var names: [[UInt8]] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix { $0 != 0 })
      }
      if name.first == UInt8(ascii: ".") { continue }  // hidden, and `.` and `..`
      names.append(name)
    }
    names.sort { $0.lexicographicallyPrecedes($1) }
    return .success(names)
  }
}

/// What `stat(2)` says about a path, following symbolic links.
struct FileStatus {
  struct Identity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
  }

  /// A failed `stat`, with `lstat`'s view to tell a dangling link from a missing file.
  struct Error: Swift.Error {
    var errno: Int32
    var danglingLink = false

    /// The failure record: `missing` for an input that is not there, `symlink-loop` for
    /// ELOOP, `unreadable` (with the system's reason) for the rest.
    func failure(source: String, path: String, isInput: Bool) -> InputFailure {
      if errno == ELOOP {
        return InputFailure(
          source: source, id: source, code: .symlinkLoop, message: "\(path): symbolic link loop")
      }
      if danglingLink {
        return InputFailure(
          source: source, id: source, code: .unreadable,
          message: "\(path): dangling symbolic link (its target does not exist)")
      }
      let reason = String(cString: strerror(errno))
      if errno == ENOENT && isInput {
        return InputFailure(
          source: source, id: source, code: .missing, message: "\(path): \(reason)")
      }
      return InputFailure(
        source: source, id: source, code: .unreadable, message: "\(path): \(reason)")
    }
  }

  var mode: mode_t
  var identity: Identity
  var size: Int

  var regularFileSize: Int? { isRegularFile ? size : nil }

  var isDirectory: Bool { mode & S_IFMT == S_IFDIR }
  var isRegularFile: Bool { mode & S_IFMT == S_IFREG }

  /// Whether `pathBytes` names a symbolic link itself (`lstat`).
  static func isSymlink(_ pathBytes: [UInt8]) -> Bool {
    var info = stat()
    return lstat(pathBytes.cString, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
  }

  /// The path with every link resolved (`realpath`), nil when it cannot be.
  static func realPath(_ pathBytes: [UInt8]) -> [UInt8]? {
    guard let resolved = realpath(pathBytes.cString, nil) else { return nil }
    defer { free(resolved) }
    return Array(UnsafeBufferPointer(start: resolved, count: strlen(resolved)))
      .map { UInt8(bitPattern: $0) }
  }

  static func following(_ pathBytes: [UInt8]) -> Result<FileStatus, Error> {
    let cPath = pathBytes.cString
    var info = stat()
    guard stat(cPath, &info) == 0 else {
      var error = Error(errno: errno)
      var linkInfo = stat()
      if error.errno == ENOENT, lstat(cPath, &linkInfo) == 0, linkInfo.st_mode & S_IFMT == S_IFLNK {
        error.danglingLink = true
      }
      return .failure(error)
    }
    return .success(
      FileStatus(
        mode: info.st_mode,
        identity: Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)),
        size: Int(info.st_size)))
  }
}

extension Array where Element == UInt8 {
  /// The bytes with a terminating NUL, for C path arguments.
  var cString: [CChar] { map { CChar(bitPattern: $0) } + [0] }
}
