/// What a line needs from the normalize stage, found in one cheap pass so that clean lines
/// (nearly all of them) cost a scan and nothing more: ASCII lines are read byte by byte,
/// other lines scalar by scalar, and only lines outside the NFC-stable ranges go to ICU.
struct LineTriage: Equatable {
  /// Some repair may change the line: run them all on its scalars.
  var needsRepair = false
  /// Only NFC may change the line.
  var needsComposition = false

  init(_ text: String) {
    var needsRepair = false
    let isASCII =
      text.utf8.withContiguousStorageIfAvailable {
        Self.isPlainASCII($0, needsRepair: &needsRepair)
      } ?? Self.isPlainASCII(Array(text.utf8), needsRepair: &needsRepair)
    self.needsRepair = needsRepair
    if !isASCII { scanScalars(text.unicodeScalars) }
  }

  /// True when the line is ASCII; sets `needsRepair` for controls, `&` and stray spaces.
  private static func isPlainASCII<Bytes: Collection<UInt8>>(
    _ bytes: Bytes, needsRepair: inout Bool
  ) -> Bool {
    var previousWasSpace = true
    for byte in bytes {
      if byte >= 0x80 { return false }
      if byte == 0x20 {
        if previousWasSpace {
          needsRepair = true
          return true
        }
        previousWasSpace = true
        continue
      }
      previousWasSpace = false
      if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "&") {
        needsRepair = true
        return true
      }
    }
    needsRepair = previousWasSpace && !bytes.isEmpty
    return true
  }

  private mutating func scanScalars(_ scalars: String.UnicodeScalarView) {
    var previousWasSpace = true
    var previous: Unicode.Scalar = " "
    let stable = NFCStableSet.shared
    let mojibake = MojibakeCharacters.shared
    for scalar in scalars {
      defer { previous = scalar }
      if scalar == " " {
        if previousWasSpace || mojibake.mayStart(previous, scalar) {
          needsRepair = true
          return
        }
        previousWasSpace = true
        continue
      }
      previousWasSpace = false
      if Self.mayNeedRepair(scalar) || mojibake.mayStart(previous, scalar) {
        needsRepair = true
        return
      }
      if !stable.contains(scalar) { needsComposition = true }
    }
    needsRepair = previousWasSpace
  }

  /// Scalars some repair other than NFC may change.
  private static func mayNeedRepair(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar.value < 0x20 || scalar == "\u{7F}" || scalar == "&" }
    return ControlCharacterRepair.isRemovable(scalar)
      || InvisibleCharacterRepair.mayRemove(scalar) || WhitespaceRepair.isSpace(scalar)
  }
}
