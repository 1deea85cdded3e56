/// Reads the compiled-in text tables (the language stage's `sibling_words.txt` and
/// `sibling_discriminator.txt`, the boilerplate stage's tree models) as bytes: lines split
/// at `\n`, fields at runs of spaces, numbers read in place. The binary parses about 90,000
/// such lines at every start, and splitting `String`s cost it about as much as cleaning a
/// hundred pages.
enum TextTableLines {
  typealias Field = Slice<UnsafeBufferPointer<UInt8>>

  /// Calls `body(lineNumber, line, fields)` for each line of `bytes` (numbered from 1) with
  /// a field, leaving out comment lines (a first field starting with `#`), until it returns
  /// an error, which is returned.
  static func forEach<Failure: Error>(
    in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Field, [Field]) -> Failure?
  ) -> Failure? {
    var fields: [Field] = []
    var lineNumber = 0
    var lineStart = 0
    while lineStart < bytes.count {
      lineNumber += 1
      var lineEnd = lineStart
      while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
      defer { lineStart = lineEnd + 1 }
      fields.removeAll(keepingCapacity: true)
      var fieldStart = lineStart
      for index in lineStart...lineEnd where index == lineEnd || bytes[index] == UInt8(ascii: " ") {
        if index > fieldStart { fields.append(bytes[fieldStart..<index]) }
        fieldStart = index + 1
      }
      guard let head = fields.first, head.first != UInt8(ascii: "#") else { continue }
      if let failure = body(lineNumber, bytes[lineStart..<lineEnd], fields) { return failure }
    }
    return nil
  }

  /// A decimal integer with an optional sign, as `Int(_:)` reads one; nil for anything else
  /// or on overflow.
  static func integer(_ field: Field) -> Int? {
    var digits = field[...]
    let negative = digits.first == UInt8(ascii: "-")
    if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
    guard !digits.isEmpty else { return nil }
    var value = 0
    for byte in digits {
      let digit = Int(byte) &- 0x30
      guard digit >= 0 && digit <= 9 else { return nil }
      let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
      let (next, overflowAgain) =
        negative
        ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
      guard !overflow && !overflowAgain else { return nil }
      value = next
    }
    return value
  }

  /// A number as `Double(_:)` reads one; nil for anything else.
  static func double(_ field: Field) -> Double? { Double(string(field)) }

  /// Whether the field's bytes are `word`'s, without the generic comparison of two
  /// collections (which cost more than the line's other work).
  static func field(_ field: Field, is word: StaticString) -> Bool {
    word.withUTF8Buffer { word in
      guard field.count == word.count else { return false }
      var offset = 0
      for byte in field {
        guard byte == word[offset] else { return false }
        offset += 1
      }
      return true
    }
  }

  /// The field as a string.
  static func string(_ field: Field) -> String { String(decoding: field, as: UTF8.self) }
}
