import Testing

@testable import Winnow

/// The walker against Swift's own decoder, on random bytes built to hit every kind of
/// damage: stray continuations, overlongs, surrogates, code points past U+10FFFF, cut-off
/// sequences, and valid scalars of every length between them.
struct UTF8ScalarsTests {
  /// One random piece of input: a valid scalar or a damaged sequence.
  private static func piece(_ random: inout SplitMix64) -> [UInt8] {
    switch random.next() % 10 {
    case 0: return [UInt8(random.next() % 0x80)]
    case 1: return [UInt8(0x80 + random.next() % 0x80)]  // any non-ASCII byte
    case 2:
      return [[0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80]][
        Int(random.next() % 4)]  // overlongs
    case 3: return [0xED, UInt8(0xA0 + random.next() % 0x20), 0x80]  // a surrogate
    case 4: return [0xF4, UInt8(0x90 + random.next() % 0x30), 0x80, 0x80]  // past U+10FFFF
    case 5: return Array([0xE2, 0x82, 0xAC].prefix(Int(1 + random.next() % 2)))  // cut off
    case 6: return Array([0xF0, 0x9F, 0x98, 0x80].prefix(Int(1 + random.next() % 3)))
    default:
      let value = UInt32(random.next() % 0x11_0000)
      let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
      return Array(String(scalar).utf8)
    }
  }

  private static func randomBytes(_ random: inout SplitMix64) -> [UInt8] {
    (0..<Int(random.next() % 40)).flatMap { _ in piece(&random) }
  }

  /// Scalars (U+FFFD for each error) and errors, as the repairing walker reads them.
  private static func walk(_ bytes: [UInt8]) -> (scalars: [UInt32], errors: Int) {
    bytes.withUnsafeBufferPointer { buffer in
      var scalars: [UInt32] = []
      var errors = 0
      var index = 0
      while index < buffer.count {
        let (value, length, _) = UTF8Scalars.decodeRepairing(buffer, at: index)
        if value == nil { errors += 1 }
        scalars.append(value ?? 0xFFFD)
        index += length
      }
      return (scalars, errors)
    }
  }

  @Test func repairingWalkMatchesSwiftsDecoder() {
    var random = SplitMix64(seed: 11)
    for _ in 0..<20_000 {
      let bytes = Self.randomBytes(&random)
      let swift = String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value)
      let (scalars, errors) = Self.walk(bytes)
      #expect(scalars == swift, "\(bytes)")
      #expect((errors == 0) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
    }
  }

  /// With ASCII runs between the pieces, so that damage falls at every place of a word the
  /// check skips whole.
  @Test func validityIsSwiftsValidity() {
    var random = SplitMix64(seed: 13)
    for _ in 0..<20_000 {
      let bytes = (0..<Int(random.next() % 12)).flatMap { _ in
        random.next() % 2 == 0
          ? Self.piece(&random) : [UInt8](repeating: 0x61, count: Int(random.next() % 13))
      }
      let valid = bytes.withUnsafeBufferPointer { UTF8Scalars.isValid($0) }
      #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
    }
  }

  @Test func errorCountIsSwiftsRepairCount() {
    var random = SplitMix64(seed: 12)
    for _ in 0..<20_000 {
      // Without U+FFFD spelt in the input, Swift's U+FFFD are exactly its repairs.
      let bytes = Self.randomBytes(&random).filter { $0 != 0xEF }
      let swift = String(decoding: bytes, as: UTF8.self).unicodeScalars
      #expect(Self.walk(bytes).errors == swift.count { $0 == "\u{FFFD}" }, "\(bytes)")
    }
  }

  @Test func validWalkMatchesUnicodeScalars() {
    var random = SplitMix64(seed: 13)
    for _ in 0..<5_000 {
      let text = String(decoding: Self.randomBytes(&random), as: UTF8.self)
      var walked: [UInt32] = []
      UTF8Scalars.forEach(in: text) {
        walked.append($0)
        return true
      }
      #expect(walked == text.unicodeScalars.map(\.value))
      #expect(text.codePointCount == text.unicodeScalars.count)
    }
  }

  /// `UTF8Scan` counts what the walker finds: bytes of ill-formed subparts, and those of a
  /// sequence cut off at the end.
  @Test func scanCountsTheWalkersErrors() {
    let bytes: [UInt8] = Array("é".utf8) + [0xC0, 0x80, 0xED, 0xA0, 0x80, 0x41, 0xE2, 0x82]
    let scan = bytes.withUnsafeBufferPointer { UTF8Scan($0) }
    #expect(scan.multibyteScalars == 1)
    #expect(scan.invalidBytes == 2 + 3 + 2)
    #expect(scan.truncatedTailBytes == 2)
  }
}

/// The eight-bytes-at-once tests against the same question asked byte by byte.
@Test func byteWordAgreesWithBytes() {
  var random = SplitMix64(seed: 14)
  let interesting: [UInt8] = [0x00, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x22, 0x5C, 0x7F, 0x80, 0xFF]
  for _ in 0..<50_000 {
    let bytes: [UInt8] = (0..<8).map { _ in
      random.next() % 3 == 0
        ? interesting[Int(random.next() % UInt64(interesting.count))] : UInt8(random.next() % 256)
    }
    let word = bytes.withUnsafeBufferPointer { ByteWord.load($0.baseAddress!, at: 0) }
    // Each byte's mark is its own top bit: the word's marks, byte by byte.
    func marked(_ marks: UInt64) -> [Bool] { (0..<8).map { marks >> ($0 * 8 + 7) & 1 == 1 } }
    for byte in interesting {
      #expect(
        marked(ByteWord.marks(of: byte, in: word)) == bytes.map { $0 == byte }, "\(bytes) \(byte)")
    }
    for bound: UInt8 in [1, 0x20, 0x21, 0x80] {
      #expect(marked(ByteWord.marks(below: bound, in: word)) == bytes.map { $0 < bound })
    }
  }
}
