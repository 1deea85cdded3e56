import Foundation

/// The line classifier's view of a page: a fixed row of numbers per line, computed from the
/// lines' contexts and what the rules and the context pass decided, in any language (counts
/// and shares, no words). `scripts/train_boilerplate.py` reads the same rows through
/// `winnow-features` and names them in `names` order.
struct LineFeatures {
  /// The feature names, in row order.
  static let names: [String] =
    lineNames + positionNames + neighbourNames + windowNames + pageNames

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

  static var count: Int { names.count }

  /// Lines on each side whose verdicts and classes `window_*` average.
  static let window = 3
  /// Lines on each side whose verdicts `wide_window_kept` averages.
  static let wideWindow = 10

  /// One row per line, `count` values each, row-major; blank lines, and lines whose verdict
  /// group is not `needed`, get zeros.
  static func rows(
    lines: [LineContext?], classes: [ContentClass?], verdicts: [Verdict?],
    language: PageLanguage, needed: (VerdictGroup) -> Bool = { _ in true }
  ) -> [Float] {
    let present = lines.indices.filter { lines[$0] != nil }
    var rows = [Float](repeating: 0, count: lines.count * count)
    guard !present.isEmpty else { return rows }
    let groups = verdicts.map(VerdictGroup.init)
    let kept = present.map { groups[$0].isKept }
    let good = present.map { classes[$0] == .good }
    let logSizes = present.map { logCount(lines[$0]!.size) }
    let firstKept = kept.firstIndex(of: true) ?? present.count
    let lastKept = kept.lastIndex(of: true) ?? -1
    // A title has a few dozen tokens at most: a linear scan beats hashing each token.
    let titleTokens =
      present.first { groups[$0] == .title }.flatMap { lines[$0]?.tokens.map(\.hash) } ?? []
    let repeats = lineRepeats(lines)
    let distanceToGood = distances(to: good)
    let distanceToKept = distances(to: kept)
    let keptShare = Float(kept.filter { $0 }.count) / Float(present.count)
    var cjkTokens = 0
    var allTokens = 0
    for index in present {
      cjkTokens += lines[index]!.cjkCount
      allTokens += lines[index]!.tokens.count
    }
    let pageLogLines = logCount(present.count)
    let pageIsCJK: Float = cjkTokens * 2 > allTokens ? 1 : 0
    var row = [Float]()
    row.reserveCapacity(count)
    for (rank, index) in present.enumerated() where needed(groups[index]) {
      let line = lines[index]!
      row.removeAll(keepingCapacity: true)
      appendLine(
        line, to: &row, language: language, logSize: logSizes[rank], titleTokens: titleTokens,
        repeats: repeats[index], cls: classes[index], group: groups[index])
      row.append(Float(rank) / Float(present.count))
      row.append(rank < firstKept ? 1 : 0)
      row.append(rank > lastKept ? 1 : 0)
      for side in stride(from: rank - 1, through: rank + 1, by: 2) {
        guard present.indices.contains(side) else {
          // No neighbour: the page's edge, which reads as a bad line.
          for value: Float in [0, 0, 0, 0, 1, 0] { row.append(value) }
          continue
        }
        let neighbour = present[side]
        let next = lines[neighbour]!
        row.append(kept[side] ? 1 : 0)
        row.append(good[side] ? 1 : 0)
        row.append(logSizes[side])
        row.append(next.endsSentence ? 1 : 0)
        row.append(classes[neighbour] == .bad ? 1 : 0)
        row.append(next.startsWithBullet ? 1 : 0)
      }
      let low = max(0, rank - window)
      let high = min(present.count - 1, rank + window)
      var keptAround = 0
      var goodAround = 0
      for other in low...high where other != rank {
        if kept[other] { keptAround += 1 }
        if good[other] { goodAround += 1 }
      }
      let around = Float(max(1, high - low))
      row.append(Float(keptAround) / around)
      row.append(Float(goodAround) / around)
      row.append(logCount(distanceToGood[rank]))
      let wideLow = max(0, rank - wideWindow)
      let wideHigh = min(present.count - 1, rank + wideWindow)
      var keptWide = 0
      for other in wideLow...wideHigh where other != rank && kept[other] { keptWide += 1 }
      row.append(Float(keptWide) / Float(max(1, wideHigh - wideLow)))
      row.append(logCount(distanceToKept[rank]))
      row.append(pageLogLines)
      row.append(keptShare)
      row.append(pageIsCJK)
      rows.replaceSubrange((index * count)..<((index + 1) * count), with: row)
    }
    return rows
  }

  /// The features of the line alone, with its class and verdict group.
  private static func appendLine(
    _ line: LineContext, to row: inout [Float], language: PageLanguage, logSize: Float,
    titleTokens: [UInt64], repeats: Int, cls: ContentClass?, group: VerdictGroup
  ) {
    let tokens = line.tokens
    let tokenCount = Float(max(1, tokens.count))
    var stopwords = 0
    var numbers = 0
    var digits = 0
    var capitalized = 0
    var allCaps = 0
    var letters = 0
    var inTitle = 0
    let bit =
      line.cjkCount * 2 > tokens.count
      ? language.cjkStopwordBit(for: line)
      : language.stopwordBit
    for token in tokens {
      if token.stopwords & bit != 0 { stopwords += 1 }
      if token.isNumber { numbers += 1 }
      if token.hasDigit { digits += 1 }
      if token.isCapitalized { capitalized += 1 }
      if token.isAllCaps { allCaps += 1 }
      letters += token.isCJK ? 3 : Int(token.length)
      if !titleTokens.isEmpty && titleTokens.contains(token.hash) { inTitle += 1 }
    }
    let words = Float(max(1, line.wordCount - line.cjkCount))
    let shape = LineShape(line.text)
    row.append(logSize)
    row.append(logCount(line.wordCount))
    row.append(logCount(tokens.count))
    row.append(Float(line.cjkCount) / tokenCount)
    row.append(line.endsSentence ? 1 : 0)
    row.append(line.endsWithEllipsis ? 1 : 0)
    row.append(line.startsWithBullet ? 1 : 0)
    row.append(Float(stopwords) / tokenCount)
    row.append(Float(numbers) / tokenCount)
    row.append(Float(digits) / tokenCount)
    row.append(Float(capitalized) / words)
    row.append(Float(allCaps) / words)
    row.append(Float(line.lowercaseWords) / words)
    row.append(Float(max(0, line.size - letters)) / Float(max(1, line.size)))
    row.append(logCount(line.periods))
    row.append(shape.linkLike ? 1 : 0)
    row.append(Float(min(shape.separators, 10)))
    row.append(line.hasCopyrightSign ? 1 : 0)
    row.append(Float(inTitle) / tokenCount)
    row.append(logCount(repeats))
    for candidate in [ContentClass.good, .nearGood, .short, .bad] {
      row.append(cls == candidate ? 1 : 0)
    }
    for candidate in VerdictGroup.allCases { row.append(group == candidate ? 1 : 0) }
  }

  /// `log1p` of small counts, looked up: most counts of a line are small.
  private static let smallCountLogs: [Float] = (0..<256).map { log1p(Float($0)) }

  /// `log1p(count)`, the scale of every count feature.
  @inline(__always) static func logCount(_ count: Int) -> Float {
    count < smallCountLogs.count ? smallCountLogs[count] : log1p(Float(count))
  }

  /// For each line, how many other lines of the page have the same tokens.
  private static func lineRepeats(_ lines: [LineContext?]) -> [Int] {
    var keys = [UInt64](repeating: 0, count: lines.count)
    var counts: [UInt64: Int] = [:]
    for (index, line) in lines.enumerated() {
      guard let line, !line.tokens.isEmpty else { continue }
      var key = Token.fnvOffset
      for token in line.tokens { key = (key ^ token.hash) &* Token.fnvPrime }
      keys[index] = key
      counts[key, default: 0] += 1
    }
    return lines.indices.map { lines[$0] == nil || keys[$0] == 0 ? 0 : counts[keys[$0]]! - 1 }
  }

  /// For each entry, how many entries away the nearest other `true` one is (the page's
  /// length when there is none).
  private static func distances(to marks: [Bool]) -> [Int] {
    var result = [Int](repeating: marks.count, count: marks.count)
    var last: Int? = nil
    for index in marks.indices {
      if let last { result[index] = index - last }
      if marks[index] { last = index }
    }
    last = nil
    for index in marks.indices.reversed() {
      if let last { result[index] = min(result[index], last - index) }
      if marks[index] { last = index }
    }
    return result
  }
}
