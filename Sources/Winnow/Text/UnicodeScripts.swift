/// ICU's Script property of every code point, tabled once: the one script classification the
/// stages read, and the source of the named sets in `ScriptSets`.
///
/// Two levels, as the property runs in long stretches: for each block of 128 code points the
/// number of its row, and rows shared by every block of one script alone. Built from ICU's
/// runs of the property (about 1,700) rather than code point by code point, so the whole
/// code space costs about a hundred kilobytes and a fraction of a millisecond, once per
/// process on first use.
struct UnicodeScripts: Sendable {
  static let shared = UnicodeScripts()

  /// ISO 15924 code per ICU script code, e.g. `Latn`.
  let isoCodes: [String]
  /// The runs of one script: the last code point of each and its script code.
  let runs: [(end: UInt32, script: Int)]
  private let rowOfBlock: [UInt16]
  private let rows: [UInt8]
  private static let blockShift: UInt32 = 7
  private static let blockSize = 1 << blockShift

  private init() {
    isoCodes = (0..<ICUScript.codeLimit).map { ICUScript.isoCode(of: $0) }
    precondition(isoCodes.count <= 256, "script codes no longer fit a byte")
    let runs = ICUScript.runs()
    self.runs = runs
    let size = Self.blockSize
    var rowOfBlock = [UInt16](repeating: 0, count: 0x11_0000 >> Self.blockShift)
    var rows: [UInt8] = []
    var uniformRow: [Int: UInt16] = [:]
    var run = 0
    for block in rowOfBlock.indices {
      let first = UInt32(block * size)
      while runs[run].end < first { run += 1 }
      if runs[run].end >= first + UInt32(size - 1) {
        let script = runs[run].script
        if let row = uniformRow[script] {
          rowOfBlock[block] = row
          continue
        }
        uniformRow[script] = UInt16(rows.count / size)
      }
      rowOfBlock[block] = UInt16(rows.count / size)
      var next = run
      for value in first..<first + UInt32(size) {
        while runs[next].end < value { next += 1 }
        rows.append(UInt8(runs[next].script))
      }
    }
    self.rowOfBlock = rowOfBlock
    self.rows = rows
  }

  /// The ICU script code of `scalar` (`code(ofISO: "Zyyy")` for Common, `"Zinh"` for
  /// Inherited, `"Zzzz"` for unassigned code points).
  @inline(__always)
  func script(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    let row = Int(rowOfBlock[Int(value >> Self.blockShift)])
    return Int(rows[row << Self.blockShift | Int(value & UInt32(Self.blockSize - 1))])
  }

  /// The ICU script code of an ISO 15924 code, if ICU knows it.
  func code(ofISO iso: String) -> Int? { isoCodes.firstIndex(of: iso) }

  /// The code points written only in `scripts`: those whose script is one of them, and the
  /// Common and Inherited ones (marks, punctuation) that Script_Extensions gives to some of
  /// them and to no other script, such as the prolonged sound mark U+30FC for kana. Common
  /// characters shared with other scripts (the ideographic full stop, the katakana middle
  /// dot, shared with Bopomofo, Hangul and Yi) are left out. `include` narrows the
  /// members further (say, to letters).
  func codePoints(
    writtenIn scripts: [String], where include: ((Unicode.Scalar) -> Bool)? = nil
  ) -> CodePointSet {
    let codes = Set(scripts.compactMap(code(ofISO:)))
    var ranges: [ClosedRange<UInt32>] = []
    var start: UInt32 = 0
    for run in runs {
      defer { start = run.end + 1 }
      guard codes.contains(run.script) else { continue }
      guard let include else {
        ranges.append(start...run.end)
        continue
      }
      for value in start...run.end {
        if let scalar = Unicode.Scalar(value), include(scalar) { ranges.append(value...value) }
      }
    }
    for (scalar, extensions) in SharedCharacters.all
    where extensions.allSatisfy(codes.contains) && include?(scalar) ?? true {
      ranges.append(scalar.value...scalar.value)
    }
    return CodePointSet(ranges: ranges)
  }
}

/// The Common and Inherited characters that Script_Extensions gives to named scripts (a few
/// hundred of the nine thousand), with those scripts: found once, for every named set.
private enum SharedCharacters {
  static let all: [(scalar: Unicode.Scalar, scripts: [Int])] = {
    let table = UnicodeScripts.shared
    let shared = Set(["Zyyy", "Zinh"].compactMap(table.code(ofISO:)))
    var all: [(scalar: Unicode.Scalar, scripts: [Int])] = []
    var buffer = [Int32](repeating: 0, count: 32)
    var start: UInt32 = 0
    for run in table.runs {
      defer { start = run.end + 1 }
      guard shared.contains(run.script) else { continue }
      for value in start...run.end {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let scripts = ICUScript.extensions(of: scalar, into: &buffer).map(Int.init)
        if !scripts.contains(where: shared.contains) { all.append((scalar, scripts)) }
      }
    }
    return all
  }()
}
