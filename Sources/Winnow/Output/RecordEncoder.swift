/// Turns a `Record` into its JSON line (with the final `\n`), as the contract's "Record"
/// section specifies:
///
///     {"id","source","text","title"?,"byline"?,"date"?,"language","segments","comments"?,
///      "winnow":{"encoding","encoding_confidence"?,"lines_in","lines_kept","chars_in",
///                "chars_out","removed":{kind:n},"repairs":{kind:n},"invalid_bytes"?,
///                "rule_timeouts"?, "fallback"?, "page_type"?,
///                "removed_lines"? (only with explain)}}
///
/// For JSONL input the input object's members come first, in their order and exactly as
/// written (`1e400` stays `1e400`); a member named like a field Winnow adds is replaced in
/// place, except `id`, which keeps its original JSON text (a numeric id stays a number).
/// `encoding_confidence` appears when below 1 (a guess), `invalid_bytes` and
/// `rule_timeouts` when not 0, `fallback` (true) when the boilerplate stage kept a page's main
/// block as a fallback, `page_type` (`forum` or `items`) when its page-type model called the
/// page so (running text, the common case, says nothing);
/// `removed` lists the kinds that occurred, `repairs` every repair kind (zeros included, so
/// that every record has the same columns). `comments` (an array of strings) appears when the
/// page has reader comments and `boilerplate.comments` is `field`; their lines are in
/// `removed_lines` too, with `"to":"comments"`.
public enum RecordEncoder {
  public static func encode(_ record: Record, explain: Bool) -> [UInt8] {
    var json = JSONBytes(capacity: record.text.utf8.count + 512)
    json.byte(UInt8(ascii: "{"))
    var first = true
    func separator() {
      if !first { json.byte(UInt8(ascii: ",")) }
      first = false
    }
    var written = Set<Field>()
    if let fields = record.inputFields {
      for member in fields.members {
        guard let field = Field(rawValue: member.key) else {
          separator()
          writeRaw(member, into: &json)
          continue
        }
        // A repeated member of a replaced field would repeat the key in the output.
        if written.contains(field) { continue }
        written.insert(field)
        separator()
        if field != .id, field.isPresent(in: record) {
          write(field, of: record, explain: explain, into: &json)
        } else {
          writeRaw(member, into: &json)
        }
      }
    }
    for field in Field.allCases where !written.contains(field) && field.isPresent(in: record) {
      separator()
      write(field, of: record, explain: explain, into: &json)
    }
    json.raw("}\n")
    return json.bytes
  }

  /// The top-level fields Winnow writes, in their order.
  private enum Field: String, CaseIterable {
    case id, source, text, title, byline, date, language, segments, comments, winnow

    func isPresent(in record: Record) -> Bool {
      switch self {
      case .title: record.title != nil
      case .byline: record.byline != nil
      case .date: record.date != nil
      case .comments: !record.comments.isEmpty
      default: true
      }
    }
  }

  private static func writeRaw(_ member: RawJSONObject.Member, into json: inout JSONBytes) {
    json.string(member.key)
    json.byte(UInt8(ascii: ":"))
    json.raw(member.rawValue)
  }

  private static func write(
    _ field: Field, of record: Record, explain: Bool, into json: inout JSONBytes
  ) {
    json.string(field.rawValue)
    json.byte(UInt8(ascii: ":"))
    switch field {
    case .id: json.string(record.id)
    case .source: json.string(record.source)
    case .text: json.string(record.text)
    case .title: json.string(record.title ?? "")
    case .byline: json.string(record.byline ?? "")
    case .date: json.string(record.date ?? "")
    case .language: json.string(record.language)
    case .segments: writeSegments(record.segments, into: &json)
    case .comments: writeStrings(record.comments, into: &json)
    case .winnow: writeWinnow(record, explain: explain, into: &json)
    }
  }

  private static func writeSegments(_ segments: [Segment], into json: inout JSONBytes) {
    json.byte(UInt8(ascii: "["))
    for (index, segment) in segments.enumerated() {
      if index > 0 { json.byte(UInt8(ascii: ",")) }
      json.raw("{\"start\":")
      json.integer(segment.start)
      json.raw(",\"end\":")
      json.integer(segment.end)
      json.raw(",\"language\":")
      json.string(segment.language)
      json.raw(",\"script\":")
      json.string(segment.script)
      json.raw(",\"confidence\":")
      json.decimal(segment.confidence)
      json.byte(UInt8(ascii: "}"))
    }
    json.byte(UInt8(ascii: "]"))
  }

  private static func writeStrings(_ strings: [String], into json: inout JSONBytes) {
    json.byte(UInt8(ascii: "["))
    for (index, string) in strings.enumerated() {
      if index > 0 { json.byte(UInt8(ascii: ",")) }
      json.string(string)
    }
    json.byte(UInt8(ascii: "]"))
  }

  private static func writeWinnow(_ record: Record, explain: Bool, into json: inout JSONBytes) {
    json.raw("{\"encoding\":")
    json.string(record.encoding)
    if record.encodingConfidence < 1 {
      json.raw(",\"encoding_confidence\":")
      json.decimal(record.encodingConfidence)
    }
    json.raw(",\"lines_in\":")
    json.integer(record.linesIn)
    json.raw(",\"lines_kept\":")
    json.integer(record.linesKept)
    json.raw(",\"chars_in\":")
    json.integer(record.charsIn)
    json.raw(",\"chars_out\":")
    json.integer(record.charsOut)
    json.raw(",\"removed\":{")
    var removed: [BoilerplateKind: Int] = [:]
    for removal in record.removals { removed[removal.kind, default: 0] += 1 }
    var firstKind = true
    for kind in BoilerplateKind.allCases {
      guard let count = removed[kind] else { continue }
      if !firstKind { json.byte(UInt8(ascii: ",")) }
      firstKind = false
      json.string(kind.rawValue)
      json.byte(UInt8(ascii: ":"))
      json.integer(count)
    }
    json.raw("},\"repairs\":{")
    for (index, repair) in RepairKind.allCases.enumerated() {
      if index > 0 { json.byte(UInt8(ascii: ",")) }
      json.string(repair.rawValue)
      json.byte(UInt8(ascii: ":"))
      json.integer(record.repairs[repair] ?? 0)
    }
    json.byte(UInt8(ascii: "}"))
    if record.invalidBytes > 0 {
      json.raw(",\"invalid_bytes\":")
      json.integer(record.invalidBytes)
    }
    if record.ruleTimeouts > 0 {
      json.raw(",\"rule_timeouts\":")
      json.integer(record.ruleTimeouts)
    }
    if record.fallback { json.raw(",\"fallback\":true") }
    if let pageType = record.pageType, pageType != .prose {
      json.raw(",\"page_type\":")
      json.string(pageType.rawValue)
    }
    if explain {
      json.raw(",\"removed_lines\":[")
      for (index, removal) in record.removals.enumerated() {
        if index > 0 { json.byte(UInt8(ascii: ",")) }
        json.raw("{\"line\":")
        json.integer(removal.line)
        json.raw(",\"kind\":")
        json.string(removal.kind.rawValue)
        json.raw(",\"rule\":")
        json.string(removal.rule.rawValue)
        if let destination = removal.movedTo {
          json.raw(",\"to\":")
          json.string(destination.rawValue)
        }
        json.raw(",\"text\":")
        json.string(removal.text)
        json.byte(UInt8(ascii: "}"))
      }
      json.byte(UInt8(ascii: "]"))
    }
    json.byte(UInt8(ascii: "}"))
  }
}
