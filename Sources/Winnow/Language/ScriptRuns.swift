/// Splits text into runs of one script. Digits, punctuation, spaces and marks join the run
/// they sit in (or the first run, at the start), so runs cover the text without gaps.
/// A run's `letters` weighs each Han, kana or Hangul character as three letters. Web
/// addresses are neutral too.
enum ScriptRuns {
  /// The runs of `scalars[range]`, labelled with their run script (see
  /// `ScriptTable.runScript`), or `ScriptTable.neutral` for a range without letters.
  static func runs(
    in scalars: [Unicode.Scalar], _ range: Range<Int>, table: ScriptTable = .shared
  ) -> [Piece<Int>] {
    var runs: [Piece<Int>] = []
    var current = Piece(
      start: range.lowerBound, end: range.lowerBound, label: ScriptTable.neutral, letters: 0)
    var addressEnd = range.lowerBound
    for index in range {
      if index >= addressEnd,
        let end = WebAddress.end(startingAt: index, in: scalars, limit: range.upperBound)
      {
        addressEnd = end
      }
      let script = index < addressEnd ? ScriptTable.neutral : table.classify(scalars[index]).script
      if script >= 0 {
        let runScript = table.runScript(script)
        if current.label == ScriptTable.neutral {
          current.label = runScript
        } else if current.label != runScript {
          runs.append(current)
          current = Piece(start: index, end: index, label: runScript, letters: 0)
        }
        current.letters += table.letterWeight(ofRunScript: runScript)
      }
      current.end = index + 1
    }
    runs.append(current)
    return runs
  }
}
