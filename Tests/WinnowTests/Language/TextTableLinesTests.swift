import Testing

@testable import Winnow

@Suite struct TextTableLinesTests {
  /// Each line's number, its bytes and its fields, as strings.
  func lines(_ text: String) -> [(Int, String, [String])] {
    var text = text
    var seen: [(Int, String, [String])] = []
    let failure: SiblingWords.FormatError? = text.withUTF8 { bytes in
      TextTableLines.forEach(in: bytes) { number, line, fields in
        seen.append(
          (number, TextTableLines.string(line), fields.map(TextTableLines.string)))
        return nil
      }
    }
    #expect(failure == nil)
    return seen
  }

  @Test func fieldsAreRunsBetweenSpacesAndCommentsAndBlankLinesAreLeftOut() {
    let seen = lines("# a comment\ngroup  ms id \n\n   \ngram ab -12 +7\n#x 1\nlast")
    #expect(seen.map(\.0) == [2, 5, 7])
    #expect(seen.map(\.1) == ["group  ms id ", "gram ab -12 +7", "last"])
    #expect(seen.map(\.2) == [["group", "ms", "id"], ["gram", "ab", "-12", "+7"], ["last"]])
  }

  @Test func theFirstErrorStopsTheWalkAndIsReturned() {
    var text = "a\nb\nc\n"
    var visited: [Int] = []
    let failure = text.withUTF8 { bytes in
      TextTableLines.forEach(in: bytes) { number, _, _ in
        visited.append(number)
        return number == 2 ? SiblingWords.FormatError(line: number, message: "stop") : nil
      }
    }
    #expect(visited == [1, 2])
    #expect(failure?.line == 2)
  }

  /// The numbers the files hold are read as `Int(_:)` reads them, overflow and all.
  @Test func integersAreReadAsIntReadsThem() {
    let fields = [
      "0", "7", "-7", "+7", "-0", "0012", "", "-", "+", "1-2", "1 ", "١", "12a", "a12",
      "9223372036854775807", "9223372036854775808", "-9223372036854775808",
      "-9223372036854775809", "99999999999999999999",
    ]
    for field in fields {
      var bytes = field
      let read = bytes.withUTF8 { TextTableLines.integer($0[...]) }
      #expect(read == Int(field), "\(field)")
    }
  }
}
