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
    var index = 0
    while index < bytes.count {
      if bytes[index] < 0x80 {
        index += 1
        continue
      }
      let (value, length, truncated) = UTF8Scalars.decodeRepairing(bytes, at: index)
      if value != nil {
        multibyteScalars += 1
      } else {
        invalidBytes += length
        if truncated { truncatedTailBytes += length }
      }
      index += length
    }
  }
}
