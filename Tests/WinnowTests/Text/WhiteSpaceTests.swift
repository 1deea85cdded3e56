import Testing

@testable import Winnow

/// The named white-space set is Unicode's White_Space property, every code point checked.
@Test func whiteSpaceSetIsUnicodesWhiteSpace() {
  var wrong: [UInt32] = []
  for value in UInt32(0)...0x10FFFF {
    guard let scalar = Unicode.Scalar(value) else { continue }
    let inSet = scalar == " " || WhiteSpace.otherThanSpaceSet.contains(scalar)
    if inSet != scalar.properties.isWhitespace { wrong.append(value) }
  }
  #expect(wrong.isEmpty, "\(wrong.prefix(10))")
}
