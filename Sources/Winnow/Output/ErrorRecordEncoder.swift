/// Turns an `InputFailure` into its JSON line (with the final `\n`):
///
///     {"source":"a.jsonl","line":3,"error":"invalid-json","message":"..."}
///
/// The inline variant (`--errors inline`, written into the record stream) starts with the
/// input's `id` when it has one, so that it lines up with the records around it.
public enum ErrorRecordEncoder {
  public static func encode(_ failure: InputFailure, inline: Bool) -> [UInt8] {
    var json = JSONBytes(capacity: failure.message.utf8.count + 128)
    json.byte(UInt8(ascii: "{"))
    if inline, let id = failure.id {
      json.key("id")
      json.string(id)
      json.byte(UInt8(ascii: ","))
    }
    json.key("source")
    json.string(failure.source)
    if let line = failure.line {
      json.raw(",\"line\":")
      json.integer(line)
    }
    json.raw(",\"error\":")
    json.string(failure.code.rawValue)
    json.raw(",\"message\":")
    json.string(failure.message)
    json.raw("}\n")
    return json.bytes
  }
}
