/// Decodes HTML character references left in scraped text: named (`&eacute;`, the HTML 4
/// set and `&apos;`) and numeric (`&#233;`, `&#xE9;`). Only well-formed references, ending
/// in `;`, are decoded, so text like `AT&T` or `a&b;c` is never touched. Doubly escaped
/// references (`&amp;lt;`) are decoded to the end, so a second run finds nothing to do.
struct EntityRepair: LineRepair {
  var trigger: RepairTrigger { RepairTrigger(characters: [0x26...0x26]) }

  /// Bounds the passes over doubly escaped text; each pass shortens the line.
  static let maximumPasses = 8
  /// Numeric references to C1 controls mean windows-1252 characters (as HTML 5 reads them).
  static let windows1252C1: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
    0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    var changed = false
    for _ in 0..<Self.maximumPasses {
      guard scalars.contains("&") else { break }
      let decoded = decodePass(scalars)
      guard decoded.count > 0 else { break }
      scalars = decoded.scalars
      report.count(.entities, decoded.count)
      changed = true
    }
    return changed
  }

  private func decodePass(_ input: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], count: Int) {
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(input.count)
    var count = 0
    var index = 0
    while index < input.count {
      if input[index] == "&", let (scalar, length) = reference(in: input, at: index) {
        output.append(scalar)
        count += 1
        index += length
      } else {
        output.append(input[index])
        index += 1
      }
    }
    return (output, count)
  }

  /// The scalar and length of a well-formed reference starting with the `&` at `start`.
  private func reference(in scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
    var index = start + 1
    guard index < scalars.count else { return nil }
    if scalars[index] == "#" {
      index += 1
      let hex = index < scalars.count && (scalars[index] == "x" || scalars[index] == "X")
      if hex { index += 1 }
      let digitsStart = index
      var value: UInt32 = 0
      while index < scalars.count, index - digitsStart < 8,
        let digit = Self.digitValue(scalars[index]), hex || digit < 10
      {
        value = value * (hex ? 16 : 10) + digit
        index += 1
      }
      guard index > digitsStart, index < scalars.count, scalars[index] == ";",
        let scalar = numericScalar(value)
      else { return nil }
      return (scalar, index + 1 - start)
    }
    var name = String.UnicodeScalarView()
    while index < scalars.count, name.count <= HTMLEntityTable.longestName,
      Self.isNameCharacter(scalars[index])
    {
      name.append(scalars[index])
      index += 1
    }
    guard !name.isEmpty, index < scalars.count, scalars[index] == ";",
      let value = HTMLEntityTable.scalars[String(name)], let scalar = Unicode.Scalar(value)
    else { return nil }
    return (scalar, index + 1 - start)
  }

  /// The value of an ASCII hex digit (`0`-`9`, `a`-`f`, `A`-`F`).
  private static func digitValue(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar.value {
    case 0x30...0x39: scalar.value - 0x30
    case 0x41...0x46: scalar.value - 0x41 + 10
    case 0x61...0x66: scalar.value - 0x61 + 10
    default: nil
    }
  }

  private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
    default: false
    }
  }

  private func numericScalar(_ value: UInt32) -> Unicode.Scalar? {
    if (0x80...0x9F).contains(value) {
      return Unicode.Scalar(Self.windows1252C1[Int(value - 0x80)])
    }
    guard value != 0 else { return nil }
    return Unicode.Scalar(value)
  }
}
