/// The language segments of a text cut at its paragraphs, so that a view can show them line by
/// line: the record's segments count code points over the kept lines joined by `\n`, and one
/// paragraph may hold several segments (a quoted sentence) while one segment spans many
/// paragraphs.
///
/// Robust to segments that leave gaps, overlap or run past the text (a record edited by
/// hand): an uncovered stretch is a piece without a segment, and a piece never repeats text.
struct SegmentPieces {
  /// A stretch of one paragraph in one segment (or in none).
  struct Piece: Equatable {
    var text: String
    var segment: Segment?
  }

  /// The pieces of each paragraph, in order; each paragraph's pieces join to the paragraph.
  let paragraphs: [[Piece]]

  init(paragraphs texts: [String], segments: [Segment]) {
    let ordered = segments.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    var paragraphs: [[Piece]] = []
    paragraphs.reserveCapacity(texts.count)
    var offset = 0
    var first = 0
    for text in texts {
      let scalars = Array(text.unicodeScalars)
      let end = offset + scalars.count
      while first < ordered.count && ordered[first].end <= offset { first += 1 }
      var pieces: [Piece] = []
      var cursor = offset
      var index = first
      while cursor < end {
        // The next segment that still covers something at or after the cursor.
        while index < ordered.count && ordered[index].end <= cursor { index += 1 }
        guard index < ordered.count, ordered[index].start < end else {
          pieces.append(Piece(text: Self.slice(scalars, cursor - offset, end - offset)))
          break
        }
        let segment = ordered[index]
        if segment.start > cursor {
          pieces.append(Piece(text: Self.slice(scalars, cursor - offset, segment.start - offset)))
          cursor = segment.start
        }
        let stop = min(segment.end, end)
        pieces.append(
          Piece(text: Self.slice(scalars, cursor - offset, stop - offset), segment: segment))
        cursor = stop
      }
      paragraphs.append(pieces)
      offset = end + 1
    }
    self.paragraphs = paragraphs
  }

  private static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars[start..<end])
    return text
  }

  /// The segment covering most of a paragraph's code points: the one its margin shows.
  static func dominant(_ pieces: [Piece]) -> Segment? {
    var best: (segment: Segment, size: Int)?
    for piece in pieces {
      guard let segment = piece.segment else { continue }
      let size = piece.text.unicodeScalars.count
      if size > best?.size ?? 0 { best = (segment, size) }
    }
    return best?.segment
  }
}
