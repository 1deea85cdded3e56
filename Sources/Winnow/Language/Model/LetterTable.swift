/// What `LetterScanner` needs to know about each Basic Multilingual Plane scalar, computed once
/// (a few milliseconds) so the hot loop avoids the Unicode property look-ups.
struct LetterTable: Sendable {
  static let isLetter: UInt8 = 1
  static let isOneLetterWord: UInt8 = 2
  /// Lowercases to more than one scalar (e.g. "İ"): the scanner takes the slow path.
  static let hasLongLowercase: UInt8 = 4

  static let shared = LetterTable()

  /// Flags of the scalar's lowercase form, by scalar value.
  let flags: [UInt8]
  /// The lowercase form, by scalar value (itself when it has none or a long one).
  let lowercase: [UInt16]
  /// For letters, 1 + the raw value of their `ModelScriptRange.Script`; 0 otherwise.
  let scripts: [UInt8]

  private init() {
    var flags = [UInt8](repeating: 0, count: 0x10000)
    var lowercase = (0..<0x10000).map { UInt16($0) }
    var scripts = [UInt8](repeating: 0, count: 0x10000)
    for value in 0..<UInt32(0x10000) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      var lowered = scalar
      if scalar.properties.changesWhenLowercased {
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        guard mapping.count == 1, let single = mapping.first, single.value < 0x10000 else {
          flags[Int(value)] = Self.hasLongLowercase
          continue
        }
        lowered = single
        lowercase[Int(value)] = UInt16(single.value)
      }
      // The general category is the costly look-up: asked once for most scalars, which have
      // no lowercase of their own.
      let isLetter = LetterScanner.isLetter(scalar)
      if isLetter, let script = ModelScriptTable.script(of: scalar) {
        scripts[Int(value)] = UInt8(script.rawValue + 1)
      }
      guard lowered == scalar ? isLetter : LetterScanner.isLetter(lowered) else { continue }
      flags[Int(value)] = Self.isLetter
      if lowered.value >= 0x1100, let script = ModelScriptTable.script(of: lowered),
        ModelScriptTable.isOneLetterWordScript(script)
      {
        flags[Int(value)] |= Self.isOneLetterWord
      }
    }
    self.flags = flags
    self.lowercase = lowercase
    self.scripts = scripts
  }
}
