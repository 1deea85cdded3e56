/// The one place where text becomes HTML. Every string a view writes, in an element or in a
/// double-quoted attribute, goes through `escape`, so a page that contains `<script>` or
/// `</td>` shows as text and cannot end an element or open one.
enum HTMLEscaping {
  /// `text` safe in element content and in double- or single-quoted attribute values.
  ///
  /// Besides `& < > " '`, C0 control characters and DEL (which an HTML parser reports as
  /// errors, and NUL it replaces) become their visible Control Pictures (`␀`, `␁`, `␡`): the
  /// view shows what Winnow saw, so an invisible control should be seen, not lost.
  static func escape(_ text: String) -> String {
    guard text.utf8.contains(where: needsEscape) else { return text }
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      case "\t", "\n": escaped.unicodeScalars.append(scalar)
      case "\u{7F}": escaped += "\u{2421}"
      case _ where scalar.value < 0x20:
        escaped.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
      UInt8(ascii: "'"), 0x7F:
      true
    default: byte < 0x20 && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n")
    }
  }
}
