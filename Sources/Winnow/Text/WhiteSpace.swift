/// Unicode's White_Space characters, one definition for the stages that fold or tidy them
/// (the normalize stage's white-space repair, the boilerplate stage's line fingerprints).
enum WhiteSpace {
  /// All of them but the plain space: tab to carriage return, NEL, the no-break space,
  /// Ogham's space mark, the spaces U+2000...U+200A, the line and paragraph separators, the
  /// narrow no-break, medium mathematical and ideographic spaces.
  static let otherThanSpace: [ClosedRange<UInt32>] = [
    0x09...0x0D, 0x85...0x85, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
    0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000,
  ]

  /// `otherThanSpace` as one bit per code point.
  static let otherThanSpaceSet = CodePointSet(ranges: otherThanSpace)
}
