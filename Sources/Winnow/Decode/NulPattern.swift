/// Where the NUL bytes of a document sit: UTF-16 and UTF-32 text without a BOM shows NULs in
/// fixed positions of each code unit, binary data shows them anywhere.
struct NulPattern {
  /// How many leading bytes are looked at for the pattern.
  static let sampleLength = 8192
  /// Share of units that must have NULs where the encoding puts them (Latin-script text has
  /// nearly all; CJK text in UTF-16 has none and is left to ICU's detector).
  static let minimumPatternShare = 0.3
  /// Share of units that may have a NUL in the position the encoding would not.
  static let maximumStrayShare = 0.02
  /// Documents with NULs in no UTF-16/32 pattern are binary when this share of their bytes
  /// are NUL, or `binaryControlShare` are C0 controls that text never uses (compressed data
  /// has few NULs but about one byte in ten in that set).
  static let binaryNulShare = 0.01
  static let binaryControlShare = 0.05

  /// Confidence in a UTF-16 guess from NULs on one side only, too few to be sure (CJK text
  /// has NULs only in its ASCII line feeds and spaces): it stands when the conversion is
  /// clean.
  static let unconfirmedUTF16Confidence = 0.5

  /// The UTF-16/32 encoding the NULs point to, and the share of units that fit it.
  var unicodeEncoding: (name: String, confidence: Double)?
  /// UTF-16LE or UTF-16BE when every NUL of the sample sits on one side of its unit, but too
  /// few units have one to be sure.
  var possibleUTF16: String?

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    let sample = UnsafeBufferPointer(rebasing: bytes.prefix(Self.sampleLength))
    unicodeEncoding = Self.utf32(sample) ?? Self.utf16(sample)
    if unicodeEncoding == nil && bytes.count % 2 == 0 { possibleUTF16 = Self.oneSided(sample) }
  }

  static func isBinary(_ bytes: UnsafeBufferPointer<UInt8>, nulCount: Int) -> Bool {
    guard nulCount > 0 else { return false }
    if Double(nulCount) >= Double(bytes.count) * binaryNulShare { return true }
    var controls = 0
    for byte in bytes where byte < 0x20 && !textControls.contains(byte) { controls += 1 }
    return Double(controls) >= Double(bytes.count) * binaryControlShare
  }

  /// Tab, line feed, vertical tab, form feed, carriage return, escape (ISO-2022).
  private static let textControls: Set<UInt8> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B]

  /// UTF-32: the top byte of every unit is NUL, and the next one of most units.
  private static func utf32(_ sample: UnsafeBufferPointer<UInt8>) -> (String, Double)? {
    let units = sample.count / 4
    guard units > 0, sample.count % 4 == 0 else { return nil }
    for (name, top, next) in [("UTF-32LE", 3, 2), ("UTF-32BE", 0, 1)] {
      var topNul = 0
      var nextNul = 0
      for unit in 0..<units {
        if sample[unit * 4 + top] == 0 { topNul += 1 }
        if sample[unit * 4 + next] == 0 { nextNul += 1 }
      }
      let share = Double(nextNul) / Double(units)
      if topNul == units && share >= 0.9 { return (name, share) }
    }
    return nil
  }

  /// The UTF-16 byte order that puts all of at least two NULs in the high byte of units.
  private static func oneSided(_ sample: UnsafeBufferPointer<UInt8>) -> String? {
    let (evenNul, oddNul) = nulsByParity(sample)
    if evenNul == 0 && oddNul >= 2 { return "UTF-16LE" }
    if oddNul == 0 && evenNul >= 2 { return "UTF-16BE" }
    return nil
  }

  private static func nulsByParity(_ sample: UnsafeBufferPointer<UInt8>) -> (even: Int, odd: Int) {
    var evenNul = 0
    var oddNul = 0
    for unit in 0..<sample.count / 2 {
      if sample[unit * 2] == 0 { evenNul += 1 }
      if sample[unit * 2 + 1] == 0 { oddNul += 1 }
    }
    return (evenNul, oddNul)
  }

  /// UTF-16: NULs in the high byte of many units and almost never in the low byte.
  private static func utf16(_ sample: UnsafeBufferPointer<UInt8>) -> (String, Double)? {
    let units = sample.count / 2
    guard units > 0 else { return nil }
    let (evenNul, oddNul) = nulsByParity(sample)
    let even = Double(evenNul) / Double(units)
    let odd = Double(oddNul) / Double(units)
    if odd >= minimumPatternShare && even <= maximumStrayShare { return ("UTF-16LE", odd) }
    if even >= minimumPatternShare && odd <= maximumStrayShare { return ("UTF-16BE", even) }
    return nil
  }
}
