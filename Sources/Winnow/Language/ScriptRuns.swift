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
    // Plain locals rather than a `Piece` being mutated: this loop runs over every character
    // of every page.
    var runs: [Piece<Int>] = []
    var label = ScriptTable.neutral
    var start = range.lowerBound
    var letters = 0
    var addressEnd = range.lowerBound
    let latin = table.latin
    scalars.withUnsafeBufferPointer { buffer in
      var index = range.lowerBound
      while index < range.upperBound {
        defer { index += 1 }
        // Most characters: ASCII inside a Latin run, where letters only count and spaces,
        // digits and punctuation change nothing; they are walked in a loop of their own. An
        // `h` or a `w` may start a web address, so it takes the general path.
        if label == latin && index >= addressEnd {
          while index < range.upperBound {
            let value = buffer[index].value
            guard value < 0x80 else { break }
            let folded = value | 0x20
            if folded &- 0x61 < 26 {
              guard folded != 0x68 && folded != 0x77 else { break }
              letters += 1
            }
            index += 1
          }
          guard index < range.upperBound else { break }
        }
        let value = buffer[index].value
        let folded = value | 0x20
        if index >= addressEnd,
          let end = WebAddress.end(startingAt: index, in: scalars, limit: range.upperBound)
        {
          addressEnd = end
        }
        guard index >= addressEnd else { continue }
        let runScript: Int
        if value < 0x80 {
          guard folded >= 0x61 && folded <= 0x7A else { continue }
          runScript = latin
        } else {
          let script = table.classify(buffer[index]).script
          guard script >= 0 else { continue }
          runScript = table.runScript(script)
        }
        if label != runScript {
          if label == ScriptTable.neutral {
            label = runScript
          } else {
            runs.append(Piece(start: start, end: index, label: label, letters: letters))
            label = runScript
            start = index
            letters = 0
          }
        }
        letters += table.letterWeight(ofRunScript: runScript)
      }
    }
    runs.append(Piece(start: start, end: range.upperBound, label: label, letters: letters))
    return runs
  }
}
