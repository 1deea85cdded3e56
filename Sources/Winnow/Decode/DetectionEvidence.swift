/// The bytes charset detection reads: the whole document when it fits the budget, otherwise
/// the stretches around its non-ASCII bytes, wherever they are, until the budget is full. A
/// page whose Japanese starts after 12 KB of ASCII menus, or whose Hungarian has three accents
/// in its first 4 KB, is judged by its text, not by its ASCII head.
///
/// Stretches start and end at character boundaries in every charset detection may choose:
/// before a non-ASCII byte the ASCII bytes are whole characters (lead bytes are non-ASCII),
/// and after one only a byte below 0x30 is certainly not the tail of a multi-byte character
/// (Shift_JIS, Big5 and GBK tails start at 0x40, GB18030's four-byte digits at 0x30, Johab's
/// at 0x31).
enum DetectionEvidence {
  /// ASCII bytes kept on each side of a non-ASCII stretch: the word it sits in and a
  /// neighbour, for the plausibility and n-gram scores.
  static let context = 48

  /// At most `budget` bytes of `bytes`: all of them when they fit; otherwise the stretches
  /// with non-ASCII bytes and their context, joined by line feeds where they were apart, for
  /// the first half of the budget, then the words (runs between bytes below 0x30) that hold a
  /// non-ASCII byte value not seen yet, from the whole document: the one `Ά` or `„` that tells
  /// two charsets apart may come after 4 KB of Greek or Estonian both read alike. The head
  /// when there is no non-ASCII byte.
  static func sample(_ bytes: ArraySlice<UInt8>, budget: Int) -> ArraySlice<UInt8> {
    guard bytes.count > budget else { return bytes }
    var evidence: [UInt8] = []
    evidence.reserveCapacity(budget)
    var position = bytes.startIndex
    var lastEnd: Int?
    let firstHalf = budget / 2
    while evidence.count < firstHalf,
      let first = bytes[position...].firstIndex(where: { $0 >= 0x80 })
    {
      let start = stretchStart(bytes, before: first, from: position)
      if let lastEnd, lastEnd != start { evidence.append(0x0A) }
      let end = stretchEnd(bytes, after: first, limit: start + firstHalf - evidence.count)
      evidence += bytes[start..<end]
      lastEnd = end
      position = end
    }
    if evidence.isEmpty { return bytes.prefix(budget) }
    var seen = [Bool](repeating: false, count: 256)
    for byte in evidence { seen[Int(byte)] = true }
    while evidence.count < budget,
      let novel = bytes[position...].firstIndex(where: { $0 >= 0x80 && !seen[Int($0)] })
    {
      position = novel + 1
      guard let word = word(around: novel, in: bytes, floor: position - 1 - context),
        evidence.count + 1 + word.count <= budget
      else { continue }
      evidence.append(0x0A)
      evidence += bytes[word]
      for byte in bytes[word] { seen[Int(byte)] = true }
      position = word.upperBound
    }
    return evidence[...]
  }

  /// The bytes between the bytes below 0x30 on either side of `index` (character boundaries
  /// in every charset), within `context` bytes each way; nil when there is none that near.
  private static func word(around index: Int, in bytes: ArraySlice<UInt8>, floor: Int)
    -> Range<Int>?
  {
    let earliest = max(bytes.startIndex, floor)
    let latest = min(bytes.endIndex, index + context)
    guard let before = bytes[earliest..<index].lastIndex(where: { $0 < 0x30 }),
      let after = bytes[index..<latest].firstIndex(where: { $0 < 0x30 })
    else { return nil }
    return (before + 1)..<after
  }

  /// Up to `context` ASCII bytes before `first`, from a space when one is there; never before
  /// `floor` (where the last stretch ended, a character boundary).
  private static func stretchStart(_ bytes: ArraySlice<UInt8>, before first: Int, from floor: Int)
    -> Int
  {
    let earliest = max(floor, first - context)
    guard let space = bytes[earliest..<first].firstIndex(where: { $0 <= 0x20 }) else {
      return earliest
    }
    return space + 1
  }

  /// The end of the stretch that holds the non-ASCII byte at `first`: past the first byte
  /// below 0x30 after it that is followed by `context` bytes of ASCII (or the document's end),
  /// plus that ASCII up to its last space. Stretches closer than `context` merge. Never past
  /// `limit`.
  private static func stretchEnd(_ bytes: ArraySlice<UInt8>, after first: Int, limit: Int) -> Int {
    let stop = min(limit, bytes.endIndex)
    var index = first
    while index < stop {
      guard let boundary = bytes[index..<stop].firstIndex(where: { $0 < 0x30 }) else { return stop }
      let lookahead = min(boundary + 1 + context, stop)
      if let next = bytes[(boundary + 1)..<lookahead].firstIndex(where: { $0 >= 0x80 }) {
        index = next
        continue
      }
      guard lookahead > boundary + 1,
        let space = bytes[(boundary + 1)..<lookahead].lastIndex(where: { $0 <= 0x20 })
      else { return lookahead }
      return space + 1
    }
    return stop
  }
}
