/// A JSON object kept as written: members in order, each value as its raw JSON text, so that
/// numbers like `1e400` or 30-digit integers pass through unchanged.
public struct RawJSONObject: Sendable, Equatable {
  public struct Member: Sendable, Equatable {
    /// The decoded key.
    public var key: String
    /// The value's JSON text, exactly as in the input.
    public var rawValue: String

    public init(key: String, rawValue: String) {
      self.key = key
      self.rawValue = rawValue
    }
  }

  public var members: [Member]

  public init(members: [Member]) { self.members = members }
}
