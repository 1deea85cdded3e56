/// The switchable typographic rewrites of `normalize.punctuation`: curly quotes, dashes,
/// ellipses and spaces before punctuation. Each change counts under `punctuation`.
struct PunctuationRepair: LineRepair {
  let quotes: Bool
  let dashes: Bool
  let ellipsis: Bool
  let spaceBeforePunctuation: Bool

  /// Nil when none of its rules is on.
  init?(settings: PunctuationSettings) {
    quotes = settings.quotes
    dashes = settings.dashes
    ellipsis = settings.ellipsis
    spaceBeforePunctuation = settings.spaceBeforePunctuation
    guard quotes || dashes || ellipsis || spaceBeforePunctuation else { return nil }
  }

  /// The ASCII text that replaces `scalar` under the rules that are on.
  private func replacement(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x2018...0x201B where quotes: "'"
    case 0x201C...0x201F where quotes: "\""
    case 0x2010...0x2015 where dashes, 0x2212 where dashes: "-"
    case 0x2026 where ellipsis: "..."
    default: nil
    }
  }

  /// Punctuation that closes what comes before it, so a space before it is a typo.
  static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ",", ".", ";", ":", "!", "?", ")", "]", "}": true
    default: false
    }
  }

  /// The characters of the rules that are on, and a space before closing punctuation.
  var trigger: RepairTrigger {
    var characters: [ClosedRange<UInt32>] = []
    if quotes { characters.append(0x2018...0x201F) }
    if dashes { characters += [0x2010...0x2015, 0x2212...0x2212] }
    if ellipsis { characters.append(0x2026...0x2026) }
    let spaceBefore = PairTrigger(starts: CodePointSet([0x20])) { _, next in Self.isClosing(next) }
    return RepairTrigger(characters: characters, pairs: spaceBeforePunctuation ? spaceBefore : nil)
  }

  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count + 4)
    var changes = 0
    for (index, scalar) in scalars.enumerated() {
      if spaceBeforePunctuation && scalar == " " && isDroppableSpace(in: scalars, at: index) {
        changes += 1
        continue
      }
      if let ascii = replacement(scalar) {
        output.append(contentsOf: ascii.unicodeScalars)
        changes += 1
      } else {
        output.append(scalar)
      }
    }
    guard changes > 0 else { return false }
    scalars = output
    report.count(.punctuation, changes)
    return true
  }

  /// A space after a word and before closing punctuation that itself ends the word (so
  /// `.5`, `:)` and `? ?` keep their spaces).
  private func isDroppableSpace(in scalars: [Unicode.Scalar], at index: Int) -> Bool {
    var before = index - 1
    while before >= 0 && scalars[before] == " " { before -= 1 }
    var next = index + 1
    while next < scalars.count && scalars[next] == " " { next += 1 }
    guard before >= 0, !Self.isClosing(scalars[before]), next < scalars.count,
      Self.isClosing(scalars[next])
    else { return false }
    let after = next + 1
    return after == scalars.count || scalars[after] == " " || scalars[after] == "\""
      || scalars[after] == "'"
  }
}
