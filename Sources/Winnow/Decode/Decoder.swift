/// Turns a document's bytes into text. Placeholder until the decode stage lands.
public struct Decoder: Sendable {
  public struct Failure: Error, Sendable {
    public var code: InputFailure.Code
    public var message: String
  }

  public init(settings: DecodeSettings) {}

  public func decode(_ bytes: [UInt8]) -> Result<DecodedText, Failure> {
    .success(
      DecodedText(
        text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8", confidence: 1,
        invalidBytes: 0))
  }
}
