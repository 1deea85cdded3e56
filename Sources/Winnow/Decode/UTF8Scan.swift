/// What a pass over bytes that are not valid UTF-8 found: enough to tell UTF-8 with a few
/// damaged bytes from text in another charset.
struct UTF8Scan: Equatable {
  /// Bytes in ill-formed sequences (each maximal ill-formed subpart counts all its bytes).
  var invalidBytes = 0
  /// Invalid bytes that are an incomplete sequence cut off at the very end of the input.
  var truncatedTailBytes = 0
  /// Well-formed sequences of two to four bytes.
  var multibyteScalars = 0

  /// Bad bytes are kept as U+FFFD instead of re-detecting the charset when well-formed
  /// multibyte sequences outnumber them this many times, or when the only damage is a cut
  /// off final sequence in text that has multibyte sequences: accidental valid sequences are
  /// rare in legacy charsets, so they mark real UTF-8.
  static let multibytePerInvalidByte = 3

  var looksLikeDamagedUTF8: Bool {
    guard multibyteScalars > 0 else { return false }
    return invalidBytes == truncatedTailBytes
      || multibyteScalars >= invalidBytes * Self.multibytePerInvalidByte
  }

  /// Share of the non-ASCII sequences that were well-formed.
  var confidence: Double {
    Double(multibyteScalars) / Double(max(1, multibyteScalars + invalidBytes))
  }

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    let count = bytes.count
    var index = 0
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      guard let shape = Self.shape(ofLead: lead) else {
        invalidBytes += 1
        index += 1
        continue
      }
      var next = index + 1
      var complete = true
      for position in 0..<shape.continuations {
        guard next < count else {
          truncatedTailBytes += next - index
          complete = false
          break
        }
        let byte = bytes[next]
        let range = position == 0 ? shape.second : 0x80...0xBF
        guard range.contains(byte) else {
          complete = false
          break
        }
        next += 1
      }
      if complete { multibyteScalars += 1 } else { invalidBytes += next - index }
      index = next
    }
  }

  /// How many continuation bytes follow a lead byte, and which values the first of them may
  /// take (Unicode table 3-7 narrows it to rule out overlongs and surrogates).
  private typealias LeadShape = (continuations: Int, second: ClosedRange<UInt8>)

  private static func shape(ofLead lead: UInt8) -> LeadShape? {
    switch lead {
    case 0xC2...0xDF: (1, 0x80...0xBF)
    case 0xE0: (2, 0xA0...0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (2, 0x80...0xBF)
    case 0xED: (2, 0x80...0x9F)
    case 0xF0: (3, 0x90...0xBF)
    case 0xF1...0xF3: (3, 0x80...0xBF)
    case 0xF4: (3, 0x80...0x8F)
    default: nil
    }
  }
}
