import Glibc

/// Writing output failed. A closed pipe (EPIPE: `winnow clean | head`) is one case of it, and
/// the runner ends quietly on that one; anything else (disk full, no permission) is reported.
public struct OutputError: Error, Sendable, CustomStringConvertible {
  /// The file, or `-` for stdout.
  public var path: String
  public var errno: Int32
  /// What was being done: "open", "write", "compress".
  public var operation: String

  public init(path: String, errno: Int32, operation: String) {
    self.path = path
    self.errno = errno
    self.operation = operation
  }

  public var isClosedPipe: Bool { errno == EPIPE }

  /// True when `error` is an `OutputError` for a closed pipe.
  public static func isClosedPipe(_ error: any Error) -> Bool {
    (error as? OutputError)?.isClosedPipe ?? false
  }

  public var description: String {
    "cannot \(operation) \(path): \(String(cString: strerror(errno)))"
  }
}
