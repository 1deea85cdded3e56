/// `jsonl`: one JSON object per line, split at `\n` only (U+2028, U+2029 and U+0085 inside
/// strings are text), `\r\n` accepted, blank lines skipped. Each line yields a document or a
/// failure for that line alone: `invalid-json` (not JSON, not an object), `missing-text` (no
/// text member, or not a string), `too-large` (text over the limit, or a whole line over
/// it: such a line is read past without being held, so an endless line costs no memory).
///
/// The record id is the object's `id` member (a string's value, another value's JSON text),
/// else `source:line`.
final class JSONLReader: FormatReader {
  private let bytes: ByteReader
  private let context: ReadContext
  private var line: [UInt8] = []
  private var lineNumber = 0
  private var done = false

  init(bytes: ByteReader, context: ReadContext) {
    self.bytes = bytes
    self.context = context
  }

  func next() -> Result<RawDocument, InputFailure>? {
    while !done {
      let limit = context.options.sizeLimit
      let length: Int
      do {
        guard let read = try bytes.readLine(into: &line, limit: limit.bytes) else {
          done = true
          return nil
        }
        length = read
      } catch {
        done = true
        return .failure(context.readFailure(error, line: lineNumber + 1))
      }
      lineNumber += 1
      if !limit.admits(length) {
        return .failure(
          context.tooLarge(size: length, line: lineNumber, id: context.lineID(lineNumber)))
      }
      if line.last == 0x0D { line.removeLast() }
      // A UTF-8 byte order mark, as Windows tools write, is not part of the first object.
      if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      return document()
    }
    return nil
  }

  private func document() -> Result<RawDocument, InputFailure> {
    let field = context.options.textField
    let parsed = line.withUnsafeBufferPointer { JSONLineParser.parse($0, textField: field) }
    switch parsed {
    case .failure(let error):
      return .failure(
        InputFailure(
          source: context.source, line: lineNumber, id: context.lineID(lineNumber),
          code: .invalidJSON,
          message: "\(error.message) at byte \(error.offset + 1)"))
    case .success(let object):
      let id = object.id ?? "\(context.source):\(lineNumber)"
      switch object.text {
      case .missing:
        return .failure(
          InputFailure(
            source: context.source, line: lineNumber, id: id, code: .missingText,
            message: "no '\(field)' member (the text field; see --text-field)"))
      case .notString(let type):
        return .failure(
          InputFailure(
            source: context.source, line: lineNumber, id: id, code: .missingText,
            message: "'\(field)' is \(type), not a string"))
      case .string(let text):
        if !context.options.sizeLimit.admits(text.utf8.count) {
          return .failure(context.tooLarge(size: text.utf8.count, line: lineNumber, id: id))
        }
        return .success(
          RawDocument(
            id: id, source: context.source, line: lineNumber, content: .text(text),
            fields: object.object))
      }
    }
  }
}
