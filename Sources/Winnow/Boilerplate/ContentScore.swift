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
    if line.size < lengthLow { return .short }
    let isCJK = line.cjkCount * 2 > line.tokens.count
    let list = isCJK ? language.cjkStopwords(for: line) : language.stopwords
    var hits = 0
    for token in line.tokens where list.contains(token.text) { hits += 1 }
    let scale = isCJK ? cjkStopwordScale : 1
    let density = Double(hits) / Double(max(line.tokens.count, 1)) / scale
    let long = line.size > lengthHigh
    if line.endsSentence {
      return long ? .good : .nearGood
    }
    if density >= stopwordsHigh {
      return line.size > 2 * lengthHigh ? .good : .nearGood
    }
    return long && density >= stopwordsLow ? .nearGood : .bad
  }
}

/// The page's language as far as the boilerplate stage needs it: which function words to
/// count. The language stage runs later; this is a cheap guess from function words.
struct PageLanguage: Sendable {
  /// ISO 639-1 code of the most frequent function words, `und` when none.
  let code: String
  let stopwords: Set<String>
  let lexicons: Lexicons

  init(lines: [LineContext?], lexicons: Lexicons) {
    self.lexicons = lexicons
    var hits: [String: Int] = [:]
    var cjk = 0
    var tokens = 0
    for line in lines {
      guard let line else { continue }
      cjk += line.cjkCount
      tokens += line.tokens.count
      for token in line.tokens where !token.isCJK {
        for (language, words) in lexicons.stopwords where words.contains(token.text) {
          hits[language, default: 0] += 1
        }
      }
    }
    let best = hits.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
    if cjk * 2 > tokens {
      let kana = lines.contains { $0?.hasKana ?? false }
      code = kana ? "ja" : "zh"
    } else {
      code = best?.key ?? "und"
    }
    stopwords = lexicons.stopwords[best?.key ?? "en", default: []]
  }

  /// Japanese function words for lines with kana, Chinese ones for Han only.
  func cjkStopwords(for line: LineContext) -> Set<String> {
    lexicons.stopwords[line.hasKana ? "ja" : "zh", default: []]
  }
}

extension LineContext {
  /// Has hiragana or katakana (so Japanese rather than Chinese).
  var hasKana: Bool {
    tokens.contains { token in
      token.isCJK && token.text.unicodeScalars.first.map { (0x3040...0x30FF).contains($0.value) }
        ?? false
    }
  }
}
