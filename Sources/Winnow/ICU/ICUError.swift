import CWinnowICU

/// An ICU call that failed, with ICU's own name for the status code.
public struct ICUError: Error, Equatable, Sendable, CustomStringConvertible {
  public var code: Int32
  public var name: String

  /// Wraps an ICU status: nil for success and warnings (status <= 0), an error otherwise.
  init?(status: Int32) {
    guard status > 0 else { return nil }
    code = status
    name = String(cString: wn_error_name(status))
  }

  public var description: String { name }
}
