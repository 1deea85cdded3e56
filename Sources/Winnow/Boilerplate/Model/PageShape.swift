/// What kind of page the line classifier is looking at, in numbers every line's row shares:
/// how much of it is short lines, bullets, sentences, good prose and repeated lines (a forum
/// thread, a listing, a product page and an article differ in these), and where its main
/// block lies: the run of lines the rules kept that holds the most tokens net of the dropped
/// tokens inside it.
struct PageShape {
  let shortShare: Float
  let bulletShare: Float
  let sentenceShare: Float
  let goodShare: Float
  let repeatShare: Float
  let meanLogSize: Float
  /// The main block's first and last rank (an empty range when the rules kept no tokens).
  let block: ClosedRange<Int>?
  /// The main block's kept tokens over the page's tokens.
  let blockShare: Float
  private let total: Int

  init(_ summaries: [LineFeatures.Summary]) {
    total = summaries.count
    var shorts = 0
    var bullets = 0
    var sentences = 0
    var goods = 0
    var repeats = 0
    var sizes: Float = 0
    var tokens = 0
    for summary in summaries {
      shorts &+= one(summary.short)
      bullets &+= one(summary.startsWithBullet)
      sentences &+= one(summary.endsSentence)
      goods &+= one(summary.good)
      repeats &+= one(summary.repeats > 0)
      sizes += summary.logSize
      tokens += Int(summary.tokens)
    }
    let lines = Float(max(1, total))
    shortShare = Float(shorts) / lines
    bulletShare = Float(bullets) / lines
    sentenceShare = Float(sentences) / lines
    goodShare = Float(goods) / lines
    repeatShare = Float(repeats) / lines
    meanLogSize = sizes / lines
    // The largest sum of a run of lines, kept tokens counting up and dropped ones down.
    var best = 0
    var bestRange: ClosedRange<Int>? = nil
    var sum = 0
    var start = 0
    var keptInBest = 0
    var keptHere = 0
    for (rank, summary) in summaries.enumerated() {
      let weight = summary.kept ? Int(summary.tokens) : -max(1, Int(summary.tokens))
      if sum <= 0 {
        sum = 0
        keptHere = 0
        start = rank
      }
      sum += weight
      if summary.kept { keptHere += Int(summary.tokens) }
      if sum > best {
        best = sum
        bestRange = start...rank
        keptInBest = keptHere
      }
    }
    block = bestRange
    blockShare = Float(keptInBest) / Float(max(1, tokens))
  }

  /// Lines from `rank` to the main block (0 inside it; the page's length when there is none).
  func distanceToBlock(_ rank: Int) -> Int {
    guard let block else { return total }
    if block.contains(rank) { return 0 }
    return rank < block.lowerBound ? block.lowerBound - rank : rank - block.upperBound
  }

  /// Writes the block's and the page's values for the line of `rank`.
  func write(rank: Int, to out: inout RowWriter) {
    let distance = distanceToBlock(rank)
    out.put(block != nil && distance == 0)
    out.put(LineFeatures.logCount(distance))
    out.put(blockShare)
    out.put(shortShare)
    out.put(bulletShare)
    out.put(sentenceShare)
    out.put(goodShare)
    out.put(repeatShare)
    out.put(meanLogSize)
  }
}
