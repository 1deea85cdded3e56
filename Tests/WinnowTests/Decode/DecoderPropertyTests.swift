import Testing

@testable import Winnow

@Suite struct DecoderPropertyTests {
  /// Random bytes drawn so that every decoder path is hit: ASCII, UTF-8 lead and
  /// continuation bytes, NULs, and high bytes of legacy charsets.
  static func randomBytes(using generator: inout SeededGenerator) -> [UInt8] {
    let length = Int.random(in: 0...48, using: &generator)
    let style = Int.random(in: 0..<4, using: &generator)
    return (0..<length).map { _ in
      switch style {
      case 0: UInt8.random(in: 0...255, using: &generator)
      case 1:
        [0x41, 0x20, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80].randomElement(
          using: &generator)!
      case 2: [0x00, 0x41, 0x42, 0x20].randomElement(using: &generator)!
      default: UInt8.random(in: 0x20...0xFF, using: &generator)
      }
    }
  }

  @Test func decoderNeverFailsButOnBinaryAndAlwaysGivesValidText() {
    var generator = SeededGenerator(seed: 0x5EED)
    let decoder = CharsetDecoder(settings: .automatic)
    for _ in 0..<3000 {
      let bytes = Self.randomBytes(using: &generator)
      switch decoder.decode(bytes) {
      case .success(let decoded):
        let roundTrip = String(decoding: Array(decoded.text.utf8), as: UTF8.self)
        #expect(roundTrip == decoded.text, "bytes \(bytes)")
        #expect((0...bytes.count).contains(decoded.invalidBytes), "bytes \(bytes)")
        #expect((0...1).contains(decoded.confidence), "bytes \(bytes)")
        #expect(!decoded.encoding.isEmpty)
      case .failure(let failure):
        #expect(failure.code == .binary, "bytes \(bytes): \(failure.message)")
      }
    }
  }

  @Test func validUTF8AlwaysDecodesToItself() {
    var generator = SeededGenerator(seed: 42)
    let decoder = CharsetDecoder(settings: .automatic)
    let pool: [Unicode.Scalar] = ["a", " ", "é", "中", "あ", "ع", "😀", "क", "\u{094D}", "Ж"]
    for _ in 0..<1000 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 1...30, using: &generator) {
        text.append(pool.randomElement(using: &generator)!)
      }
      let decoded = try? decoder.decode(Array(String(text).utf8)).get()
      #expect(decoded?.text == String(text))
      #expect(decoded?.encoding == "UTF-8")
    }
  }
}
