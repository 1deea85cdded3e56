/// What `LetterScanner` needs to know about each Basic Multilingual Plane scalar, computed once
/// (a few milliseconds) so the hot loop avoids the Unicode property look-ups.
struct LetterTable: Sendable {
  static let isLetter: UInt8 = 1
  static let isOneLetterWord: UInt8 = 2
  /// Lowercases to more than one scalar (e.g. "İ"): the scanner takes the slow path.
  static let hasLongLowercase: UInt8 = 4

  static let shared = LetterTable(copyingAcross: uniformBlocks)

  /// Blocks whose scalars are all alike here (letters of one script without a lowercase of
  /// their own, or all not letters): Han, Hangul syllables, private use. Their first scalar
  /// is looked up and the rest copied, which halves the cost of the table at every start; a
  /// test checks the result against looking up every scalar.
  static let uniformBlocks: [ClosedRange<UInt32>] = [
    0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xE000...0xF8FF,
  ]

  /// Flags of the scalar's lowercase form, by scalar value.
  let flags: [UInt8]
  /// The lowercase form, by scalar value (itself when it has none or a long one).
  let lowercase: [UInt16]
  /// For letters, 1 + the raw value of their `ModelScriptRange.Script`; 0 otherwise.
  let scripts: [UInt8]

  /// Looks up every scalar but those after the first of each of `blocks` (sorted, apart),
  /// which are given the first's flags and script.
  init(copyingAcross blocks: [ClosedRange<UInt32>]) {
    var flags = [UInt8](repeating: 0, count: 0x10000)
    var lowercase = (0..<0x10000).map { UInt16($0) }
    var scripts = [UInt8](repeating: 0, count: 0x10000)
    var blocks = blocks[...]
    var value: UInt32 = 0
    while value < 0x10000 {
      defer { value += 1 }
      if let block = blocks.first, value > block.lowerBound {
        let first = Int(block.lowerBound)
        for copy in Int(value)...Int(block.upperBound) {
          flags[copy] = flags[first]
          scripts[copy] = scripts[first]
        }
        value = block.upperBound
        blocks = blocks.dropFirst()
        continue
      }
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
