import Testing

@testable import Winnow

/// `Unicode.Scalar.isSpace` spells out Unicode's White_Space property; this holds it to the
/// standard library's table on every scalar, so a new Unicode version that changed the set
/// would fail here rather than in a page's verdicts.
@Suite struct ScalarSpaceTests {
  @Test func agreesWithTheWhiteSpacePropertyOnEveryScalar() {
    var disagreeing: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if scalar.isSpace != scalar.properties.isWhitespace { disagreeing.append(value) }
    }
    #expect(disagreeing.isEmpty)
  }
}
