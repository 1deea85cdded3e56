/// `limits.max_document_bytes`: the one place a document's size is judged and the one
/// wording of the `too-large` failure. Every reader bounds what it holds by it (a document
/// over the limit is read past, never held), and the pipeline checks by it the documents a
/// library caller builds itself.
public struct DocumentSizeLimit: Sendable, Equatable {
  /// Documents of more bytes are `too-large` failures.
  public let bytes: Int

  public init(bytes: Int) { self.bytes = bytes }

  /// True when a document of `count` bytes may be cleaned.
  func admits(_ count: Int) -> Bool { count <= bytes }

  /// Bytes to read to tell "over" from "exactly at": one past the limit (saturating, for
  /// huge limits).
  var readBound: Int { bytes < Int.max ? bytes + 1 : bytes }

  /// Why a document is too large; `size` is its byte count when known (else it was only read
  /// up to the limit).
  func failure(source: String, line: Int? = nil, id: String?, size: Int?) -> InputFailure {
    let limit = "limits.max_document_bytes (\(bytes))"
    return InputFailure(
      source: source, line: line, id: id, code: .tooLarge,
      message: size.map { "\($0) bytes is over \(limit)" } ?? "larger than \(limit)")
  }
}
