/// The fixed part of a model file, and where the rest lies (layout in
/// `scripts/langid_layout.py`).
struct ModelHeader {
  static let magic: [UInt8] = Array("WNLM".utf8)
  static let version: UInt32 = 3
  static let fixedSize = 32
  static let maximumBucketBits: UInt32 = 24

  var languages: [String]
  var bucketBits: UInt32
  var dataByteCount: Int
  var quantumStep: Float
  var backoffPenalty: Float
  var unseenPenalty: Float

  var bucketCount: Int { 1 << Int(bucketBits) }
  var subBucketCount: Int { bucketCount << NgramTable.subBucketBits }
  /// Where the directory (`NgramTable`) starts: the first cache line after the language codes.
  var directoryStart: Int { NgramTable.roundedToLines(Self.fixedSize + 4 * languages.count) }
  var directoryLineCount: Int {
    (subBucketCount + NgramTable.runsPerLine - 1) / NgramTable.runsPerLine
  }
  /// Where the n-gram records start: after the directory's lines, so the records sit in cache
  /// lines as they do in the file.
  var dataStart: Int { directoryStart + NgramTable.lineBytes * directoryLineCount }

  init(_ bytes: ModelBytes) throws(NgramModelError) {
    guard bytes.count >= Self.fixedSize else {
      throw .wrongSize(expected: Self.fixedSize, actual: bytes.count)
    }
    guard Array(bytes.buffer[0..<4]) == Self.magic else { throw .notAModel }
    let version = bytes.uint32(at: 4)
    guard version == Self.version else { throw .unsupportedVersion(version) }
    let languageCount = Int(bytes.uint32(at: 8))
    bucketBits = bytes.uint32(at: 12)
    dataByteCount = Int(bytes.uint32(at: 16))
    quantumStep = Float(bitPattern: bytes.uint32(at: 20))
    backoffPenalty = Float(bitPattern: bytes.uint32(at: 24))
    unseenPenalty = Float(bitPattern: bytes.uint32(at: 28))
    guard (1...NgramTable.maximumLanguages).contains(languageCount) else {
      throw .malformed("\(languageCount) languages")
    }
    guard (1...Self.maximumBucketBits).contains(bucketBits) else {
      throw .malformed("\(bucketBits) bucket bits")
    }
    guard [quantumStep, backoffPenalty, unseenPenalty].allSatisfy(\.isFinite) else {
      throw .malformed("scoring constants are not finite")
    }
    languages = []
    let codesEnd = Self.fixedSize + 4 * languageCount
    guard bytes.count >= codesEnd else { throw .wrongSize(expected: codesEnd, actual: bytes.count) }
    for start in stride(from: Self.fixedSize, to: codesEnd, by: 4) {
      let code = bytes.buffer[start..<(start + 4)].prefix { $0 != 0 }
      guard !code.isEmpty, code.allSatisfy({ (0x61...0x7A).contains($0) }) else {
        throw .malformed("language code at byte \(start)")
      }
      languages.append(String(decoding: code, as: UTF8.self))
    }
    let expected = dataStart + dataByteCount + NgramTable.guardBytes
    guard bytes.count == expected else { throw .wrongSize(expected: expected, actual: bytes.count) }
  }
}
