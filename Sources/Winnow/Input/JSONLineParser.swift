/// Parses one JSONL line into its members, keeping every value's JSON text exactly as written.
///
/// Why not `JSONSerialization`: it would turn `1e400` into infinity and 30-digit integers into
/// doubles, and re-serializing would reorder or reformat members. This parser only validates
/// values (RFC 8259, strictly: no raw control characters in strings, no trailing commas) and
/// slices them out; it decodes just the keys and the text and id members.
struct JSONLineParser {
  /// The object's members, its text member, and its id as the record will carry it.
  struct Parsed {
    var object: RawJSONObject
    var text: TextMember
    var id: String?
  }

  enum TextMember: Equatable {
    case string(String)
    case missing
    /// The member is there but is not a string; the associated value names its JSON type.
    case notString(String)
  }

  struct SyntaxError: Error, Equatable {
    /// 0-based byte offset in the line.
    var offset: Int
    var message: String
  }

  /// Arrays and objects nested deeper than this are rejected instead of risking the stack.
  static let maxDepth = 512

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  static func parse(_ line: UnsafeBufferPointer<UInt8>, textField: String) -> Result<
    Parsed, SyntaxError
  > {
    var parser = JSONLineParser(bytes: line)
    do {
      return .success(try parser.parseObject(textField: textField))
    } catch {
      return .failure(error)
    }
  }

  private mutating func parseObject(textField: String) throws(SyntaxError) -> Parsed {
    skipWhitespace()
    guard index < bytes.count else { throw SyntaxError(offset: index, message: "empty line") }
    guard bytes[index] == UInt8(ascii: "{") else {
      throw SyntaxError(
        offset: index, message: "expected a JSON object, found \(describeValueStart())")
    }
    index += 1
    var members: [RawJSONObject.Member] = []
    var text = TextMember.missing
    var id: String?
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      index += 1
    } else {
      while true {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
          throw SyntaxError(offset: index, message: "expected a member name in double quotes")
        }
        let key = try decodeString(try scanString())
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else {
          throw SyntaxError(offset: index, message: "expected ':' after member name")
        }
        index += 1
        skipWhitespace()
        let valueStart = index
        try skipValue(depth: 1)
        let range = valueStart..<index
        let raw = try string(range)
        if key == textField {
          text =
            bytes[valueStart] == UInt8(ascii: "\"")
            ? .string(try decodeString(range)) : .notString(Self.typeName(bytes[valueStart]))
        }
        if key == "id" {
          switch bytes[valueStart] {
          case UInt8(ascii: "\""): id = try decodeString(range)
          case UInt8(ascii: "n"): id = nil
          default: id = raw
          }
        }
        members.append(RawJSONObject.Member(key: key, rawValue: raw))
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: ","): index += 1
        case UInt8(ascii: "}"):
          index += 1
          skipWhitespace()
          guard index == bytes.count else {
            throw SyntaxError(offset: index, message: "unexpected text after the object")
          }
          return Parsed(object: RawJSONObject(members: members), text: text, id: id)
        default:
          throw SyntaxError(offset: index, message: "expected ',' or '}' after a member")
        }
      }
    }
    skipWhitespace()
    guard index == bytes.count else {
      throw SyntaxError(offset: index, message: "unexpected text after the object")
    }
    return Parsed(object: RawJSONObject(members: members), text: text, id: id)
  }

  private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  /// Names what starts at `index`, for "expected ..., found ..." messages.
  private func describeValueStart() -> String {
    guard let byte = peek() else { return "the end of the line" }
    func startsWith(_ word: String) -> Bool {
      bytes[index...].starts(with: word.utf8)
    }
    switch byte {
    case UInt8(ascii: "["): return "an array"
    case UInt8(ascii: "\""): return "a string"
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
    case _ where startsWith("true") || startsWith("false"): return "a boolean"
    case _ where startsWith("null"): return "null"
    case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
    default: return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
  }

  private static func typeName(_ first: UInt8) -> String {
    switch first {
    case UInt8(ascii: "{"): "an object"
    case UInt8(ascii: "["): "an array"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
    case UInt8(ascii: "n"): "null"
    default: "a number"
    }
  }

  /// The bytes of `range` as a `String`, which they must be valid UTF-8 to be JSON.
  private func string(_ range: Range<Int>) throws(SyntaxError) -> String {
    guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    else {
      throw SyntaxError(offset: range.lowerBound, message: "invalid UTF-8")
    }
    return text
  }

  private mutating func skipValue(depth: Int) throws(SyntaxError) {
    guard let byte = peek() else {
      throw SyntaxError(offset: index, message: "expected a value, found the end of the line")
    }
    switch byte {
    case UInt8(ascii: "\""): _ = try scanString()
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      guard depth < Self.maxDepth else {
        throw SyntaxError(offset: index, message: "nested deeper than \(Self.maxDepth) levels")
      }
      try skipContainer(isObject: byte == UInt8(ascii: "{"), depth: depth)
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
    default:
      throw SyntaxError(offset: index, message: "expected a value, found \(describeValueStart())")
    }
  }

  private mutating func skipContainer(isObject: Bool, depth: Int) throws(SyntaxError) {
    let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
    index += 1
    skipWhitespace()
    if peek() == close {
      index += 1
      return
    }
    while true {
      skipWhitespace()
      if isObject {
        guard peek() == UInt8(ascii: "\"") else {
          throw SyntaxError(offset: index, message: "expected a member name in double quotes")
        }
        _ = try scanString()
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else {
          throw SyntaxError(offset: index, message: "expected ':' after member name")
        }
        index += 1
        skipWhitespace()
      }
      try skipValue(depth: depth + 1)
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): index += 1
      case close:
        index += 1
        return
      default:
        let expected = isObject ? "',' or '}'" : "',' or ']'"
        throw SyntaxError(offset: index, message: "expected \(expected)")
      }
    }
  }

  private mutating func literal(_ word: StaticString) throws(SyntaxError) {
    let count = word.utf8CodeUnitCount
    let matches =
      index + count <= bytes.count
      && word.withUTF8Buffer { expected in
        (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
      }
    guard matches else { throw SyntaxError(offset: index, message: "invalid literal") }
    index += count
  }

  /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, any length.
  private mutating func scanNumber() throws(SyntaxError) {
    let start = index
    func digits() -> Int {
      let from = index
      while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
        index += 1
      }
      return index - from
    }
    if peek() == UInt8(ascii: "-") { index += 1 }
    if peek() == UInt8(ascii: "0") {
      index += 1
    } else if digits() == 0 {
      throw SyntaxError(offset: start, message: "invalid number")
    }
    if peek() == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw SyntaxError(offset: start, message: "invalid number") }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      index += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw SyntaxError(offset: start, message: "invalid number") }
    }
  }

  /// Validates a string starting at the opening quote; returns its range, quotes included.
  private mutating func scanString() throws(SyntaxError) -> Range<Int> {
    let start = index
    index += 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return start..<index
      }
      if byte == UInt8(ascii: "\\") {
        guard index + 1 < bytes.count else { break }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          index += 2
        case UInt8(ascii: "u"):
          guard index + 6 <= bytes.count, (2..<6).allSatisfy({ hexValue(bytes[index + $0]) != nil })
          else {
            throw SyntaxError(offset: index, message: "invalid \\u escape")
          }
          index += 6
        default:
          throw SyntaxError(offset: index, message: "invalid escape")
        }
        continue
      }
      if byte < 0x20 {
        throw SyntaxError(offset: index, message: "control character in a string")
      }
      index += 1
    }
    throw SyntaxError(offset: start, message: "unterminated string")
  }

  /// The value of a validated string (range with quotes): escapes resolved, lone surrogates
  /// (which `String` cannot hold) as U+FFFD.
  private func decodeString(_ range: Range<Int>) throws(SyntaxError) -> String {
    let inner = range.lowerBound + 1..<range.upperBound - 1
    guard bytes[inner].contains(UInt8(ascii: "\\")) else { return try string(inner) }
    var output: [UInt8] = []
    output.reserveCapacity(inner.count)
    var position = inner.lowerBound
    while position < inner.upperBound {
      // Copy the run up to the next escape in one go: the text is mostly plain.
      var runEnd = position
      while runEnd < inner.upperBound, bytes[runEnd] != UInt8(ascii: "\\") { runEnd += 1 }
      if runEnd > position {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<runEnd]))
        position = runEnd
        continue
      }
      let escape = bytes[position + 1]
      position += 2
      switch escape {
      case UInt8(ascii: "b"): output.append(0x08)
      case UInt8(ascii: "f"): output.append(0x0C)
      case UInt8(ascii: "n"): output.append(0x0A)
      case UInt8(ascii: "r"): output.append(0x0D)
      case UInt8(ascii: "t"): output.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = hex4(at: position)
        position += 4
        if (0xD800...0xDBFF).contains(scalar), position + 6 <= inner.upperBound,
          bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
        {
          let low = hex4(at: position + 2)
          if (0xDC00...0xDFFF).contains(low) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            position += 6
          }
        }
        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        output.append(contentsOf: UTF8.encode(character)!)
      default: output.append(escape)  // `"`, `\`, `/`
      }
    }
    guard let text = String(validating: output, as: UTF8.self) else {
      throw SyntaxError(offset: inner.lowerBound, message: "invalid UTF-8")
    }
    return text
  }

  private func hex4(at position: Int) -> UInt32 {
    (0..<4).reduce(0) { value, offset in value << 4 | UInt32(hexValue(bytes[position + offset])!) }
  }

  private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
