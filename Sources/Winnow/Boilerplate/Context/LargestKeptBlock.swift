/// The page's largest block of kept lines in a row (blank lines do not break one; the first
/// of equal blocks): where it lies, its tokens and its number of lines.
struct LargestKeptBlock {
  var lines: Range<Int> = 0..<0
  var tokens = 0
  var lineCount = 0

  init(in pass: ContextPass) {
    var start: Int? = nil
    var blockTokens = 0
    var blockLines = 0
    for index in pass.lines.indices where pass.present[index] {
      if pass.verdicts[index]?.role.isKept == true {
        if start == nil { start = index }
        blockTokens += pass.lines[index]!.tokens.count
        blockLines += 1
        if blockTokens > tokens, let start {
          tokens = blockTokens
          lines = start..<(index + 1)
          lineCount = blockLines
        }
      } else {
        start = nil
        blockTokens = 0
        blockLines = 0
      }
    }
  }
}
