/// Why a language model file cannot be used. Loading checks the whole file up front, so a
/// model that loads never reads out of bounds while scoring.
public enum NgramModelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be read at all.
  case unreadable(path: String, reason: String)
  /// The file does not start with the `WNLM` magic bytes.
  case notAModel
  /// The file was written by a newer or older training script.
  case unsupportedVersion(UInt32)
  /// The file is shorter or longer than its header says.
  case wrongSize(expected: Int, actual: Int)
  /// The header or the n-gram records contradict themselves.
  case malformed(String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      "cannot read language model \(path): \(reason)"
    case .notAModel:
      "not a Winnow language model (missing WNLM magic)"
    case .unsupportedVersion(let version):
      "unsupported language model version \(version)"
    case .wrongSize(let expected, let actual):
      "language model is \(actual) bytes, its header says \(expected) (truncated or corrupt)"
    case .malformed(let detail):
      "corrupt language model: \(detail)"
    }
  }
}
