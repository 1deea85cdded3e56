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
  /// Pieces without letters (digits, symbols) keep their own label.
  static func smoothed(_ pieces: [Piece], minLetters: Int) -> [Piece] {
    var pieces = coalesced(pieces)
    while pieces.count > 1 {
      let candidates = pieces.indices.filter {
        pieces[$0].letters > 0 && pieces[$0].letters < minLetters
          && neighbourLetters(of: $0, in: pieces) > pieces[$0].letters
      }
      guard let shortest = candidates.min(by: { pieces[$0].letters < pieces[$1].letters })
      else { break }
      let before = shortest > 0 ? pieces[shortest - 1].letters : -1
      let after = shortest + 1 < pieces.count ? pieces[shortest + 1].letters : -1
      let target = before >= after ? shortest - 1 : shortest + 1
      var merged = pieces[target]
      merged.absorb(pieces[shortest], keepingConfidence: true)
      pieces[target] = merged
      pieces.remove(at: shortest)
      pieces = coalesced(pieces)
    }
    return pieces
  }

  private static func neighbourLetters(of index: Int, in pieces: [Piece]) -> Int {
    max(
      index > 0 ? pieces[index - 1].letters : 0,
      index + 1 < pieces.count ? pieces[index + 1].letters : 0)
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
