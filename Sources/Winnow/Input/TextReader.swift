/// `text`: the whole input is one document (on stdin, the whole stream). A document over the
/// limit is rejected without reading more than the limit (or at all, when the file's size
/// says so), so a 200 MB one-line file costs at most `max_document_bytes` of memory.
final class TextReader: FormatReader {
  private let bytes: ByteReader
  private let context: ReadContext
  private var done = false

  init(bytes: ByteReader, context: ReadContext) {
    self.bytes = bytes
    self.context = context
  }

  func next() -> Result<RawDocument, InputFailure>? {
    guard !done else { return nil }
    done = true
    let limit = context.options.sizeLimit
    if let size = context.sizeHint, !limit.admits(size) {
      return .failure(context.tooLarge(size: size, id: context.source))
    }
    var content: [UInt8] = []
    let readLimit = limit.readBound
    content.reserveCapacity(min(context.sizeHint.map { $0 + 1 } ?? 1 << 16, readLimit))
    do {
      let count = try bytes.read(upTo: readLimit, into: &content)
      if !limit.admits(count) {
        return .failure(context.tooLarge(size: nil, id: context.source))
      }
    } catch {
      return .failure(context.readFailure(error))
    }
    return .success(
      RawDocument(id: context.source, source: context.source, content: .bytes(content)))
  }
}
