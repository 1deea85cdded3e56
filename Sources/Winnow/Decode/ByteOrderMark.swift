/// A byte order mark at the start of a document: it names the encoding for certain.
struct ByteOrderMark: Equatable {
  /// The encoding as ICU spells it.
  var encoding: String
  var length: Int

  /// Longest marks first: UTF-32LE's mark starts with UTF-16LE's.
  private static let known: [(bytes: [UInt8], encoding: String)] = [
    ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"),
    ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"),
    ([0xEF, 0xBB, 0xBF], "UTF-8"),
    ([0xFE, 0xFF], "UTF-16BE"),
    ([0xFF, 0xFE], "UTF-16LE"),
  ]

  init?(sniffing bytes: [UInt8]) {
    guard
      let match = Self.known.first(where: { bytes.starts(with: $0.bytes) })
    else { return nil }
    encoding = match.encoding
    length = match.bytes.count
  }
}
