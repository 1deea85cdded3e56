import Foundation
import Testing

@testable import Winnow

/// Unicode's conformance file for NFC and NFKC, run through Winnow's ICU wrapper. Debian's
/// `unicode-data` package ships it compressed; a plain copy is read too.
@Suite struct NormalizationConformanceTests {
  static let plainPath = "/usr/share/unicode/NormalizationTest.txt"
  static let compressedPath = plainPath + ".bz2"

  /// The file's text, or nil when neither copy is installed.
  static func conformanceText() throws -> String? {
    if FileManager.default.fileExists(atPath: plainPath) {
      return try String(contentsOfFile: plainPath, encoding: .utf8)
    }
    guard FileManager.default.fileExists(atPath: compressedPath) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bzcat")
    process.arguments = [compressedPath]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// One data line: five columns of space-separated hex code points.
  static func columns(_ line: Substring) -> [[UInt16]]? {
    let fields = line.split(separator: ";", omittingEmptySubsequences: false)
    guard fields.count >= 5 else { return nil }
    return fields.prefix(5).map { field in
      var units: [UInt16] = []
      for hex in field.split(separator: " ") {
        UTF16.encode(Unicode.Scalar(UInt32(hex, radix: 16)!)!) { units.append($0) }
      }
      return units
    }
  }

  static func normalized(_ units: [UInt16], _ form: ICUNormalizer.Form) -> [UInt16] {
    ICUNormalizer.normalized(units, form: form) ?? []
  }

  @Test func everyLineAndEveryOtherScalarConform() throws {
    let text = try #require(
      try Self.conformanceText(),
      "\(Self.plainPath) (or .bz2) is missing: install Debian's unicode-data package")
    var failures: [String] = []
    var checkedLines = 0
    var partOneScalars = Set<UInt32>()
    var part = ""
    for line in text.split(separator: "\n") {
      if line.hasPrefix("@Part") {
        part = String(line.prefix(while: { $0 != " " }))
        continue
      }
      guard !line.hasPrefix("#"), let column = Self.columns(line) else { continue }
      checkedLines += 1
      if part == "@Part1" {
        partOneScalars.insert(
          String(decoding: column[0], as: UTF16.self).unicodeScalars.first!.value)
      }
      // NFC: c2 == NFC(c1) == NFC(c2) == NFC(c3), c4 == NFC(c4) == NFC(c5).
      // NFKC: c4 == NFKC(c1...c5).
      let expectations: [(ICUNormalizer.Form, Int, Int)] = [
        (.nfc, 0, 1), (.nfc, 1, 1), (.nfc, 2, 1), (.nfc, 3, 3), (.nfc, 4, 3),
        (.nfkc, 0, 3), (.nfkc, 1, 3), (.nfkc, 2, 3), (.nfkc, 3, 3), (.nfkc, 4, 3),
      ]
      for (form, source, expected) in expectations
      where Self.normalized(column[source], form) != column[expected] && failures.count < 20 {
        failures.append("\(form) of column \(source + 1) in: \(line)")
      }
    }
    #expect(checkedLines > 18000)
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    // Part 1 lists every scalar that changes; all others are invariant under both forms.
    var unchangedFailures: [UInt32] = []
    for value in UInt32(0)...0x10FFFF where !partOneScalars.contains(value) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      var units: [UInt16] = []
      UTF16.encode(scalar) { units.append($0) }
      if Self.normalized(units, .nfc) != units || Self.normalized(units, .nfkc) != units {
        unchangedFailures.append(value)
      }
    }
    #expect(
      unchangedFailures.isEmpty, "changed though not in Part 1: \(unchangedFailures.prefix(20))")
  }
}
