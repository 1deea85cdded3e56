import Foundation

/// The line classifier's view of a page: a fixed row of numbers per line, computed from the
/// lines' contexts and what the rules and the context pass decided, in any language (counts
/// and shares, no words). `scripts/train_boilerplate.py` reads the same rows through
/// `winnow-features` and names them in `names` order.
///
/// Built once per page (what each row needs of the other lines, in one array), then
/// `write(rank:into:)` fills one line's row into a buffer the caller reuses: the pass
/// allocates nothing per line.
struct LineFeatures {
  /// The feature names, in row order.
  static let names: [String] =
    lineNames + positionNames + neighbourNames + windowNames + pageNames + kindNames
    + farNeighbourNames + runNames + blockNames + pageShapeNames

  private static let lineNames =
    [
      "log_size", "log_words", "log_tokens", "cjk_share", "ends_sentence", "ends_ellipsis",
      "bullet", "stopword_density", "number_share", "digit_share", "capitalized_share",
      "allcaps_share", "lowercase_share", "symbol_share", "log_periods", "link_like",
      "separators", "copyright", "title_overlap", "log_repeats", "class_good",
      "class_near_good", "class_short", "class_bad",
    ] + VerdictGroup.allCases.map { "group_\($0)" }
  private static let positionNames = ["position", "before_kept", "after_kept"]
  private static let neighbourNames = ["previous", "next"].flatMap { side in
    ["kept", "good", "log_size", "ends_sentence", "bad", "bullet"].map { "\(side)_\($0)" }
  }
  private static let windowNames = [
    "window_kept", "window_good", "log_distance_good", "wide_window_kept", "log_distance_kept",
  ]
  private static let pageNames = ["page_log_lines", "page_kept_share", "page_is_cjk"]
  /// The kind of boilerplate a rule or the context pass saw in a dropped line.
  private static let kindNames = BoilerplateKind.allCases.map { "kind_\($0.rawValue)" }
  private static let farNeighbourNames = ["previous2", "next2"].flatMap { side in
    ["kept", "good", "log_size"].map { "\(side)_\($0)" }
  }
  private static let runNames = [
    "window_log_size", "window_short", "log_short_run", "log_bullet_run",
  ]
  private static let blockNames = ["in_block", "log_distance_block", "block_share"]
  private static let pageShapeNames = [
    "page_short_share", "page_bullet_share", "page_sentence_share", "page_good_share",
    "page_repeat_share", "page_mean_log_size",
  ]

  static let count = names.count
  private static let groupCount = VerdictGroup.allCases.count
  private static let kindCount = BoilerplateKind.allCases.count
  /// Lines of at most this many words are short (a menu entry, a list item, a heading).
  static let shortWords = 8

  /// Lines on each side whose verdicts and classes `window_*` average.
  static let window = 3
  /// Lines on each side whose verdicts `wide_window_kept` averages.
  static let wideWindow = 10

  /// What the rows of other lines read of one non-blank line, with running counts.
  struct Summary {
    /// The line's index in the page.
    var index: Int32
    var group: VerdictGroup
    /// The kind of a dropped line's verdict (its index in `BoilerplateKind.allCases`), or -1.
    var kind: Int8
    var kept: Bool
    var good: Bool
    var bad: Bool
    var endsSentence: Bool
    var startsWithBullet: Bool
    var logSize: Float
    /// At most `shortWords` words.
    var short: Bool
    var tokens: Int32
    /// Kept and good lines before this one.
    var keptBefore: Int32 = 0
    var goodBefore: Int32 = 0
    /// Lines to the nearest other good and kept line (the page's length when none).
    var distanceToGood: Int32 = 0
    var distanceToKept: Int32 = 0
    /// Other lines of the page with the same tokens.
    var repeats: Int32 = 0
    /// The runs of short lines and of bulleted lines this line is in (0 when it is neither).
    var shortRun: Int32 = 0
    var bulletRun: Int32 = 0
  }

  let lines: [LineContext?]
  let classes: [ContentClass?]
  let language: PageLanguage
  /// The non-blank lines in page order; a line's rank is its place here.
  let summaries: [Summary]
  private let keptTotal: Int32
  private let goodTotal: Int32
  private let firstKept: Int
  private let lastKept: Int
  private let title: LineContext?
  /// One bit per title token (by its hash's low six bits): most tokens need no scan of the
  /// title.
  private let titleBits: UInt64
  private let pageLogLines: Float
  private let keptShare: Float
  private let pageIsCJK: Float
  let shape: PageShape

  /// `verdicts` has the verdict of every line of `lines` (blank ones included).
  init(
    lines: [LineContext?], classes: [ContentClass?], verdicts: [Verdict?],
    language: PageLanguage
  ) {
    self.lines = lines
    self.classes = classes
    self.language = language
    var summaries: [Summary] = []
    summaries.reserveCapacity(lines.count)
    var keys: [UInt64] = []
    keys.reserveCapacity(lines.count)
    var kept: Int32 = 0
    var good: Int32 = 0
    var title: LineContext? = nil
    var cjkTokens = 0
    var allTokens = 0
    for (index, line) in lines.enumerated() {
      guard let line else { continue }
      let group = VerdictGroup(verdicts[index])
      let isKept = group.isKept
      let isGood = classes[index] == .good
      if group == .title && title == nil { title = line }
      cjkTokens += line.cjkCount
      allTokens += line.tokens.count
      summaries.append(
        Summary(
          index: Int32(index), group: group, kind: Self.kindIndex(verdicts[index]), kept: isKept,
          good: isGood, bad: classes[index] == .bad, endsSentence: line.endsSentence,
          startsWithBullet: line.startsWithBullet, logSize: Self.logCount(line.size),
          short: line.wordCount <= Self.shortWords, tokens: Int32(line.tokens.count),
          keptBefore: kept, goodBefore: good))
      keys.append(line.tokensKey)
      if isKept { kept += 1 }
      if isGood { good += 1 }
    }
    Self.fillDistances(&summaries)
    Self.fillRepeats(&summaries, keys: keys)
    Self.fillRuns(&summaries)
    shape = PageShape(summaries)
    self.summaries = summaries
    keptTotal = kept
    goodTotal = good
    firstKept = summaries.firstIndex { $0.kept } ?? summaries.count
    lastKept = summaries.lastIndex { $0.kept } ?? -1
    self.title = title
    var titleBits: UInt64 = 0
    for token in title?.tokens ?? [] { titleBits |= 1 << (token.hash & 63) }
    self.titleBits = titleBits
    pageLogLines = Self.logCount(summaries.count)
    keptShare = summaries.isEmpty ? 0 : Float(kept) / Float(summaries.count)
    pageIsCJK = cjkTokens * 2 > allTokens ? 1 : 0
  }

  /// Writes the `count` features of the line of `rank` into `row`.
  func write(rank: Int, into row: UnsafeMutableBufferPointer<Float>) {
    precondition(row.count == Self.count)
    var out = RowWriter(row.baseAddress!)
    let summary = summaries[rank]
    let index = Int(summary.index)
    writeLine(lines[index]!, summary: summary, cls: classes[index], to: &out)
    let total = summaries.count
    out.put(Float(rank) / Float(total))
    out.put(rank < firstKept)
    out.put(rank > lastKept)
    for side in stride(from: rank - 1, through: rank + 1, by: 2) {
      guard side >= 0 && side < total else {
        // No neighbour: the page's edge, which reads as a bad line.
        out.put(false, false, 0, false, true, false)
        continue
      }
      let neighbour = summaries[side]
      out.put(
        neighbour.kept, neighbour.good, neighbour.logSize, neighbour.endsSentence, neighbour.bad,
        neighbour.startsWithBullet)
    }
    let low = max(0, rank - Self.window)
    let high = min(total - 1, rank + Self.window)
    let keptHere: Int32 = summary.kept ? 1 : 0
    let keptAround = keptBefore(high + 1) - summaries[low].keptBefore - keptHere
    let goodAround = goodBefore(high + 1) - summaries[low].goodBefore - (summary.good ? 1 : 0)
    let around = Float(max(1, high - low))
    out.put(Float(keptAround) / around)
    out.put(Float(goodAround) / around)
    out.put(Self.logCount(Int(summary.distanceToGood)))
    let wideLow = max(0, rank - Self.wideWindow)
    let wideHigh = min(total - 1, rank + Self.wideWindow)
    let keptWide = keptBefore(wideHigh + 1) - summaries[wideLow].keptBefore - keptHere
    out.put(Float(keptWide) / Float(max(1, wideHigh - wideLow)))
    out.put(Self.logCount(Int(summary.distanceToKept)))
    out.put(pageLogLines)
    out.put(keptShare)
    out.put(pageIsCJK)
    for kind in 0..<Self.kindCount { out.put(Int(summary.kind) == kind) }
    for side in [rank - 2, rank + 2] {
      guard side >= 0 && side < total else {
        out.put(false, false, 0)
        continue
      }
      let neighbour = summaries[side]
      out.put(neighbour.kept, neighbour.good, neighbour.logSize)
    }
    var sizes: Float = 0
    var shorts = 0
    for other in low...high where other != rank {
      sizes += summaries[other].logSize
      shorts &+= one(summaries[other].short)
    }
    out.put(sizes / around)
    out.put(Float(shorts) / around)
    out.put(Self.logCount(Int(summary.shortRun)))
    out.put(Self.logCount(Int(summary.bulletRun)))
    shape.write(rank: rank, to: &out)
    precondition(out.position == row.baseAddress! + Self.count)
  }

  /// Kept lines before the line of `rank` (all of them for `rank == summaries.count`).
  private func keptBefore(_ rank: Int) -> Int32 {
    rank < summaries.count ? summaries[rank].keptBefore : keptTotal
  }

  private func goodBefore(_ rank: Int) -> Int32 {
    rank < summaries.count ? summaries[rank].goodBefore : goodTotal
  }

  /// The features of the line alone, with its class and verdict group.
  private func writeLine(
    _ line: LineContext, summary: Summary, cls: ContentClass?, to out: inout RowWriter
  ) {
    let tokens = line.tokens
    let tokenCount = Float(max(1, tokens.count))
    var stopwords = 0
    var inTitle = 0
    let bit =
      line.cjkCount * 2 > tokens.count
      ? language.cjkStopwordBit(for: line)
      : language.stopwordBit
    // A title has a few dozen tokens at most: a linear scan beats hashing each token.
    let titleTokens = title?.tokens ?? []
    for token in tokens {
      stopwords &+= one(token.stopwords & bit != 0)
      if titleBits & (1 << (token.hash & 63)) != 0
        && titleTokens.contains(where: { $0.hash == token.hash })
      {
        inTitle += 1
      }
    }
    let letters = Int(line.letters)
    let words = Float(max(1, line.wordCount - line.cjkCount))
    // The shapes are made of symbols: a line of letters, digits and spaces has none.
    let shape = line.size > letters ? LineShape(line.text) : LineShape()
    out.put(summary.logSize)
    out.put(Self.logCount(line.wordCount))
    out.put(Self.logCount(tokens.count))
    out.put(Float(line.cjkCount) / tokenCount)
    out.put(line.endsSentence)
    out.put(line.endsWithEllipsis)
    out.put(line.startsWithBullet)
    out.put(Float(stopwords) / tokenCount)
    out.put(Float(line.numberTokens) / tokenCount)
    out.put(Float(line.digitTokens) / tokenCount)
    out.put(Float(line.capitalizedTokens) / words)
    out.put(Float(line.allCapsTokens) / words)
    out.put(Float(line.lowercaseWords) / words)
    out.put(Float(max(0, line.size - letters)) / Float(max(1, line.size)))
    out.put(Self.logCount(line.periods))
    out.put(shape.linkLike)
    out.put(Float(min(shape.separators, 10)))
    out.put(line.hasCopyrightSign)
    out.put(Float(inTitle) / tokenCount)
    out.put(Self.logCount(Int(summary.repeats)))
    out.put(cls == .good)
    out.put(cls == .nearGood)
    out.put(cls == .short)
    out.put(cls == .bad)
    for group in 0..<Self.groupCount { out.put(summary.group.rawValue == group) }
  }

  /// One row per line, `count` values each, row-major; blank lines get zeros. For the
  /// training tool: the pass writes only the rows it needs, one at a time.
  static func rows(
    lines: [LineContext?], classes: [ContentClass?], verdicts: [Verdict?],
    language: PageLanguage
  ) -> [Float] {
    let page = LineFeatures(
      lines: lines, classes: classes, verdicts: verdicts, language: language)
    var rows = [Float](repeating: 0, count: lines.count * count)
    rows.withUnsafeMutableBufferPointer { rows in
      for (rank, summary) in page.summaries.enumerated() {
        let start = Int(summary.index) * count
        page.write(
          rank: rank, into: UnsafeMutableBufferPointer(rebasing: rows[start..<start + count]))
      }
    }
    return rows
  }

  /// The index of a dropped verdict's kind in `BoilerplateKind.allCases`, or -1.
  private static func kindIndex(_ verdict: Verdict?) -> Int8 {
    guard case .dropped(let kind)? = verdict?.role else { return -1 }
    return Int8(BoilerplateKind.allCases.firstIndex(of: kind)!)
  }

  /// For each line, the length of the run of consecutive short lines and of bulleted lines it
  /// belongs to (a list's items come in runs; a stray short line does not).
  private static func fillRuns(_ summaries: inout [Summary]) {
    func fill(_ member: (Summary) -> Bool, _ store: WritableKeyPath<Summary, Int32>) {
      var start = 0
      while start < summaries.count {
        guard member(summaries[start]) else {
          start += 1
          continue
        }
        var end = start
        while end + 1 < summaries.count && member(summaries[end + 1]) { end += 1 }
        for rank in start...end { summaries[rank][keyPath: store] = Int32(end - start + 1) }
        start = end + 1
      }
    }
    fill({ $0.short }, \.shortRun)
    fill({ $0.startsWithBullet }, \.bulletRun)
  }

  /// `log1p` of small counts, looked up: most counts of a line are small.
  private static let smallCountLogs: [Float] = (0..<256).map { log1p(Float($0)) }

  /// `log1p(count)`, the scale of every count feature.
  @inline(__always) static func logCount(_ count: Int) -> Float {
    count < smallCountLogs.count ? smallCountLogs[count] : log1p(Float(count))
  }

  /// For each line, how many other lines of the page have the same tokens: counted by the
  /// lines' `tokensKey`s (`keys`, by rank), so that no line's tokens are read again.
  private static func fillRepeats(_ summaries: inout [Summary], keys: [UInt64]) {
    var counts = KeyCounts(capacity: summaries.count)
    for rank in summaries.indices where summaries[rank].tokens > 0 { counts.add(keys[rank]) }
    for rank in summaries.indices where summaries[rank].tokens > 0 {
      summaries[rank].repeats = counts.count(keys[rank]) - 1
    }
  }

  /// For each line, how many lines away the nearest other good and kept lines are (the
  /// page's length when there is none).
  private static func fillDistances(_ summaries: inout [Summary]) {
    let total = Int32(summaries.count)
    var lastGood: Int32 = -1
    var lastKept: Int32 = -1
    for rank in summaries.indices {
      let here = Int32(rank)
      summaries[rank].distanceToGood = lastGood < 0 ? total : here - lastGood
      summaries[rank].distanceToKept = lastKept < 0 ? total : here - lastKept
      if summaries[rank].good { lastGood = here }
      if summaries[rank].kept { lastKept = here }
    }
    lastGood = -1
    lastKept = -1
    for rank in summaries.indices.reversed() {
      let here = Int32(rank)
      if lastGood >= 0 {
        summaries[rank].distanceToGood = min(summaries[rank].distanceToGood, lastGood - here)
      }
      if lastKept >= 0 {
        summaries[rank].distanceToKept = min(summaries[rank].distanceToKept, lastKept - here)
      }
      if summaries[rank].good { lastGood = here }
      if summaries[rank].kept { lastKept = here }
    }
  }
}

/// 1 for true, 0 for false: a count that adds it has no branch for the data to mispredict (a
/// Bool's byte is 0 or 1).
@inline(__always) func one(_ flag: Bool) -> Int {
  Int(unsafeBitCast(flag, to: UInt8.self))
}

/// Writes a row's values one after the other.
struct RowWriter {
  var position: UnsafeMutablePointer<Float>

  init(_ start: UnsafeMutablePointer<Float>) { position = start }

  @inline(__always) mutating func put(_ value: Float) {
    position.pointee = value
    position += 1
  }

  @inline(__always) mutating func put(_ flag: Bool) { put(flag ? Float(1) : 0) }

  /// A far neighbour's three values.
  @inline(__always) mutating func put(_ kept: Bool, _ good: Bool, _ logSize: Float) {
    put(kept)
    put(good)
    put(logSize)
  }

  /// A neighbour's six values.
  @inline(__always) mutating func put(
    _ kept: Bool, _ good: Bool, _ logSize: Float, _ endsSentence: Bool, _ bad: Bool,
    _ bullet: Bool
  ) {
    put(kept)
    put(good)
    put(logSize)
    put(endsSentence)
    put(bad)
    put(bullet)
  }
}

/// How often each 64-bit key was added: open addressing on two flat arrays, no hashing beyond
/// one multiply (the keys are hashes already).
private struct KeyCounts {
  private var keys: [UInt64]
  private var counts: [Int32]
  private let mask: Int

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    keys = [UInt64](repeating: 0, count: size)
    counts = [Int32](repeating: 0, count: size)
    mask = size - 1
  }

  /// The slot of `key`, or of the empty one where it would go. Key 0 is stored as 1 (0 marks
  /// an empty slot).
  private func slot(_ key: UInt64) -> Int {
    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
    return slot
  }

  mutating func add(_ key: UInt64) {
    let key = max(key, 1)
    let found = slot(key)
    keys[found] = key
    counts[found] += 1
  }

  func count(_ key: UInt64) -> Int32 { counts[slot(max(key, 1))] }
}
