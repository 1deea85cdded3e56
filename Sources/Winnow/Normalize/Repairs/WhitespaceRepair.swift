/// Tidies white space: every run of spaces, tabs, no-break and other Unicode spaces becomes
/// one space, lines lose leading and trailing space, and line or paragraph separators inside
/// a line (U+2028, U+2029, NEL) become spaces. The ideographic space U+3000 stays where it
/// touches CJK text, and the narrow no-break space where it touches Mongolian (where it is
/// part of the spelling). A lone no-break space between two characters stays too
/// (`isMeaningfulNoBreak`).
struct WhitespaceRepair: LineRepair {
  static let ideographicSpace: Unicode.Scalar = "\u{3000}"
  static let narrowNoBreakSpace: Unicode.Scalar = "\u{202F}"

  static func isLineSeparator(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
  }

  /// Every scalar this repair treats as white space (the narrow no-break space only outside
  /// Mongolian).
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || WhiteSpace.otherThanSpaceSet.contains(scalar)
  }

  var trigger: RepairTrigger { RepairTrigger(characters: WhiteSpace.otherThanSpace, spacing: true) }

  func repair(_ scalars: inout [Unicode.Scalar], report: inout CleaningReport) -> Bool {
    guard Self.mayChange(scalars) else { return false }
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count)
    var changed = false
    var index = 0
    while index < scalars.count {
      guard isSpace(at: index, in: scalars) else {
        output.append(scalars[index])
        index += 1
        continue
      }
      let start = index
      while index < scalars.count, isSpace(at: index, in: scalars) { index += 1 }
      let run = scalars[start..<index]
      let separators = run.count(where: Self.isLineSeparator)
      report.count(.lineEndings, separators)
      let replacement = Self.replacement(
        for: run, after: output.last, before: index < scalars.count ? scalars[index] : nil)
      if !replacement.elementsEqual(run) {
        changed = true
        if run.count > separators { report.count(.whitespace) }
      }
      output.append(contentsOf: replacement)
    }
    guard changed else { return false }
    scalars = output
    return true
  }

  /// False for lines whose only white space is single spaces between other characters, the
  /// common case, so that they are not rebuilt.
  private static func mayChange(_ scalars: [Unicode.Scalar]) -> Bool {
    var previousWasSpace = true
    for scalar in scalars {
      if scalar == " " {
        if previousWasSpace { return true }
        previousWasSpace = true
      } else if isSpace(scalar) {
        return true
      } else {
        previousWasSpace = false
      }
    }
    return previousWasSpace && !scalars.isEmpty
  }

  private func isSpace(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
    let scalar = scalars[index]
    guard Self.isSpace(scalar) else { return false }
    guard scalar == Self.narrowNoBreakSpace else { return true }
    let touchesMongolian =
      (index > 0 && scalars[index - 1].isMongolian)
      || (index + 1 < scalars.count && scalars[index + 1].isMongolian)
    return !touchesMongolian
  }

  /// What a run of white space between `previous` and `next` becomes: nothing at the ends of
  /// the line, its ideographic spaces next to CJK text, one space otherwise.
  private static func replacement(
    for run: ArraySlice<Unicode.Scalar>, after previous: Unicode.Scalar?,
    before next: Unicode.Scalar?
  ) -> [Unicode.Scalar] {
    guard let previous, let next else { return [] }
    if run.count == 1, let space = run.first, isMeaningfulNoBreak(space) { return [space] }
    if run.contains(ideographicSpace) && (ScalarClass.isCJK(previous) || ScalarClass.isCJK(next)) {
      return run.allSatisfy { $0 == ideographicSpace } ? Array(run) : [ideographicSpace]
    }
    return [" "]
  }

  /// A lone no-break space (U+00A0, the narrow U+202F or the figure space U+2007) between
  /// two characters is typography put there on purpose: a thousands separator (`97 818`),
  /// French `: ; ! ?` and `« »`, Czech and Slovak one-letter prepositions (`v rozvodné`),
  /// units and abbreviations (`10 km`, `Mr. Smith`). A plain space would let the line break
  /// there, so the repair cannot tell it is harmless and keeps it. Next to other white space
  /// it breaks nothing and the run becomes one space.
  static func isMeaningfulNoBreak(_ space: Unicode.Scalar) -> Bool {
    space == "\u{A0}" || space == narrowNoBreakSpace || space == "\u{2007}"
  }
}
