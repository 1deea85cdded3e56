/// How much a line looks like running text by itself, before its neighbours are considered:
/// jusText's paragraph classes, from length and the share of function words.
enum ContentClass: Sendable, Equatable {
  /// Long and full of function words: article text.
  case good
  /// Some function words, or good but not long: decided by neighbours.
  case nearGood
  /// Too short to tell: decided by neighbours.
  case short
  /// Few function words: names, links, lists.
  case bad
}

/// The thresholds of the content score, from the `boilerplate` settings.
struct ContentScore: Sendable {
  let lengthLow: Int
  let lengthHigh: Int
  let stopwordsLow: Double
  let stopwordsHigh: Double
  let cjkStopwordScale: Double

  init(settings: BoilerplateSettings) {
    lengthLow = settings.lengthLow
    lengthHigh = settings.lengthHigh
    stopwordsLow = settings.stopwordsLow
    stopwordsHigh = settings.stopwordsHigh
    cjkStopwordScale = settings.cjkStopwordScale
  }

  /// The class of one line, with `stopwords` of the page's language for Latin and Cyrillic
  /// text and the Han or kana list for lines written mostly in those.
  ///
  /// Sentence punctuation at the end weighs as much as function words: on the dev set, long
  /// lines that end like a sentence are article text whatever their share of function words
  /// (seed 004 lines 30-36 have almost none), while lines that do not end so are mostly
  /// lists and teasers unless they are long and full of function words.
  func classify(_ line: LineContext, language: PageLanguage) -> ContentClass {
    classify(block: CollectionOfOne(line), language: language)
  }

  /// The class of a paragraph hard-wrapped over several lines, judged as one.
  func classify(
    block: some BidirectionalCollection<LineContext>, language: PageLanguage
  ) -> ContentClass {
    var size = 0
    var tokens = 0
    var cjk = 0
    for line in block {
      size += line.size
      tokens += line.tokens.count
      cjk += line.cjkCount
    }
    guard let last = block.last, size >= lengthLow else { return .short }
    let isCJK = cjk * 2 > tokens
    var hits = 0
    for line in block {
      let bit = isCJK ? language.cjkStopwordBit(for: line) : language.stopwordBit
      for token in line.tokens where token.stopwords & bit != 0 { hits += 1 }
    }
    let scale = isCJK ? cjkStopwordScale : 1
    let density = Double(hits) / Double(max(tokens, 1)) / scale
    let long = size > lengthHigh
    if last.endsSentence {
      return long ? .good : .nearGood
    }
    if density >= stopwordsHigh {
      return size > 2 * lengthHigh ? .good : .nearGood
    }
    return long && density >= stopwordsLow ? .nearGood : .bad
  }

  /// Gives the lines of each hard-wrapped paragraph the class of the whole paragraph. A line
  /// continues the one above when that one does not end a sentence and this one starts with
  /// a lowercase word ("... while he" / "is eating."). Scripts without case (Arabic,
  /// Devanagari, Han) give no such sign, so their lines stand alone.
  func classifyWrapped(
    _ lines: [LineContext?], classes: inout [ContentClass?], language: PageLanguage
  ) {
    var start = 0
    while start < lines.count {
      var end = start
      while end + 1 < lines.count, let line = lines[end], let next = lines[end + 1],
        !line.endsSentence, !next.startsWithBullet, let first = next.tokens.first,
        !first.isCJK, !first.isUncased, !first.isNumber, !first.isCapitalized, !first.isAllCaps
      {
        end += 1
      }
      if end > start {
        let block = lines[start...end].compactMap { $0 }
        let wrapped = classify(block: block, language: language)
        for index in start...end { classes[index] = wrapped }
      }
      start = end + 1
    }
  }
}

/// The page's language as far as the boilerplate stage needs it: which function words to
/// count. The language stage runs later; this is a cheap guess from function words.
struct PageLanguage: Sendable {
  /// ISO 639-1 code of the most frequent function words, `und` when none.
  let code: String
  /// The bit of the page's function words in `Token.stopwords`.
  let stopwordBit: UInt32
  let lexicons: Lexicons

  init(lines: [LineContext?], lexicons: Lexicons) {
    var tally = Tally(lexicons: lexicons)
    for case let line? in lines { tally.add(line) }
    self.init(tally)
  }

  /// What the page's language is read from, added a line at a time: the stage adds each
  /// line as it builds it, while its tokens are in the cache.
  struct Tally {
    let lexicons: Lexicons
    /// Function words of each language of `Lexicons.stopwordLanguages`.
    var hits: [Int]
    var cjk = 0
    var tokens = 0
    var kana = false

    init(lexicons: Lexicons) {
      self.lexicons = lexicons
      hits = Array(repeating: 0, count: lexicons.stopwordLanguages.count)
    }

    mutating func add(_ line: LineContext) {
      cjk += line.cjkCount
      tokens += line.tokens.count
      kana = kana || line.hasKana
      for token in line.tokens where !token.isCJK {
        var mask = token.stopwords
        while mask != 0 {
          hits[mask.trailingZeroBitCount] += 1
          mask &= mask - 1
        }
      }
    }
  }

  init(_ tally: Tally) {
    let lexicons = tally.lexicons
    let hits = tally.hits
    self.lexicons = lexicons
    let best = hits.indices.filter { hits[$0] > 0 }.max { hits[$0] < hits[$1] }
      .map { lexicons.stopwordLanguages[$0] }
    if tally.cjk * 2 > tally.tokens {
      code = tally.kana ? "ja" : "zh"
    } else {
      code = best ?? "und"
    }
    stopwordBit = lexicons.stopwordBit(best ?? "en")
  }

  /// Japanese function words for lines with kana, Chinese ones for Han only.
  func cjkStopwordBit(for line: LineContext) -> UInt32 {
    lexicons.stopwordBit(line.hasKana ? "ja" : "zh")
  }
}
