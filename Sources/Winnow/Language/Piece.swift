/// A stretch of text, in code points, carrying a label (a script, or a language guess) and
/// the number of letters that decided it.
struct Piece<Label: Equatable>: Equatable {
  var start: Int
  var end: Int
  var label: Label
  var letters: Int
  var confidence: Double = 0

  /// Consecutive pieces with the same label become one; confidence is weighted by letters.
  static func coalesced(_ pieces: [Piece]) -> [Piece] {
    var result: [Piece] = []
    for piece in pieces {
      if var last = result.last, last.label == piece.label {
        last.absorb(piece, keepingConfidence: false)
        result[result.count - 1] = last
      } else {
        result.append(piece)
      }
    }
    return result
  }

  /// Folds every piece with fewer than `minLetters` letters (but some) into the neighbour
  /// with more letters, shortest first, so a stray word or character never stands alone.
  /// Pieces without letters (digits, symbols) keep their own label. Linear in the number of
  /// pieces apart from one sort of the short ones: neighbours are kept as links.
  static func smoothed(_ pieces: [Piece], minLetters: Int) -> [Piece] {
    var pieces = coalesced(pieces)
    func isShort(_ piece: Piece) -> Bool { piece.letters > 0 && piece.letters < minLetters }
    let shortOnes = pieces.indices.filter { isShort(pieces[$0]) }
    guard pieces.count > 1, !shortOnes.isEmpty else { return pieces }
    let none = -1
    var previous = Array(-1..<(pieces.count - 1))
    var next = Array(1...pieces.count)
    next[pieces.count - 1] = none
    var alive = [Bool](repeating: true, count: pieces.count)
    func unlink(_ index: Int) {
      alive[index] = false
      if previous[index] != none { next[previous[index]] = next[index] }
      if next[index] != none { previous[next[index]] = previous[index] }
    }
    func letters(_ index: Int) -> Int { index == none ? -1 : pieces[index].letters }
    let order = shortOnes.sorted { (pieces[$0].letters, $0) < (pieces[$1].letters, $1) }
    for index in order where alive[index] && isShort(pieces[index]) {
      let before = previous[index]
      let after = next[index]
      guard max(letters(before), letters(after)) > pieces[index].letters else { continue }
      let target = letters(before) >= letters(after) ? before : after
      pieces[target].absorb(pieces[index], keepingConfidence: true)
      unlink(index)
      for neighbour in [previous[target], next[target]]
      where neighbour != none && pieces[neighbour].label == pieces[target].label {
        pieces[target].absorb(pieces[neighbour], keepingConfidence: false)
        unlink(neighbour)
      }
    }
    return pieces.indices.filter { alive[$0] }.map { pieces[$0] }
  }

  /// Takes in an adjacent piece. A short piece absorbed by smoothing leaves the confidence
  /// alone; a piece with the same label shares it in proportion to letters.
  private mutating func absorb(_ other: Piece, keepingConfidence: Bool) {
    if !keepingConfidence {
      let total = letters + other.letters
      confidence =
        total > 0
        ? (confidence * Double(letters) + other.confidence * Double(other.letters))
          / Double(total) : max(confidence, other.confidence)
    }
    start = min(start, other.start)
    end = max(end, other.end)
    letters += other.letters
  }
}
