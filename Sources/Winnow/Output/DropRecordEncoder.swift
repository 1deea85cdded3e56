/// Turns a dropped document into its JSON line (with the final `\n`), for `--drops inline`:
///
///     {"id":"a.jsonl:3","source":"a.jsonl","dropped":"empty"}
public enum DropRecordEncoder {
  public static func encode(_ reason: DropReason, id: String, source: String) -> [UInt8] {
    var json = JSONBytes(capacity: id.utf8.count + source.utf8.count + 48)
    json.byte(UInt8(ascii: "{"))
    json.key("id")
    json.string(id)
    json.raw(",\"source\":")
    json.string(source)
    json.raw(",\"dropped\":")
    json.string(reason.rawValue)
    json.raw("}\n")
    return json.bytes
  }
}
