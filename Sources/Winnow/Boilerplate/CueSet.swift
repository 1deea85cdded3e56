import Yams

/// Phrases of one cue category in all languages, matched on a line's tokens.
struct CueSet: Sendable {
  /// Phrases (as vocabulary ids) by the id of their first token, longest first, so matching
  /// is one array access per token of the line.
  private let phrasesByFirstToken: [[[Int32]]]
  /// One bit per vocabulary id: some phrase starts with that word. Most words start none,
  /// and this small table answers for them without touching `phrasesByFirstToken`.
  private let startsPhrase: [UInt64]

  /// The set's bit in `LineContext.cueStarts` (`Lexicons` gives each of its sets one); 0 for
  /// a standalone set, which lines know nothing of.
  let bit: UInt32

  /// Builds the set from phrases already tokenized into vocabulary ids.
  init(phrases: [[Int32]], vocabularySize: Int, bit: UInt32 = 0) {
    self.bit = bit
    var index = Array(repeating: [[Int32]](), count: vocabularySize)
    var bits = Array(repeating: UInt64(0), count: (vocabularySize + 63) / 64)
    for phrase in phrases {
      guard let first = phrase.first else { continue }
      index[Int(first)].append(phrase)
      bits[Int(first) >> 6] |= 1 << UInt64(first & 63)
    }
    // Sorted in place, and only where a word starts two phrases or more: most of the
    // vocabulary starts none in any one set.
    for first in index.indices where index[first].count > 1 {
      index[first].sort { $0.count > $1.count }
    }
    phrasesByFirstToken = index
    startsPhrase = bits
  }

  /// Builds a standalone set (for user rules' phrases) with its own vocabulary.
  init(phrases: [String]) {
    let vocabulary = Vocabulary()
    let ids = phrases.map { vocabulary.intern(Token.split($0)) }
    self.init(phrases: ids, vocabularySize: vocabulary.words.count)
    self.vocabulary = vocabulary.words
  }

  /// Own vocabulary of a standalone set: tokens are looked up here, not in the lexicons.
  private(set) var vocabulary: [UInt64: Int32]? = nil

  /// The length of the longest phrase that starts at `tokens[start]`, or 0.
  func match(_ tokens: [Token], at start: Int) -> Int {
    let first = id(of: tokens[start])
    guard startsAny(first) else { return 0 }
    for phrase in phrasesByFirstToken[Int(first)] where start + phrase.count <= tokens.count {
      var equal = true
      for offset in 1..<phrase.count where id(of: tokens[start + offset]) != phrase[offset] {
        equal = false
        break
      }
      if equal { return phrase.count }
    }
    return 0
  }

  /// Whether some phrase starts with the word of vocabulary id `id` (-1: none).
  @inline(__always) private func startsAny(_ id: Int32) -> Bool {
    id >= 0 && Int(id) < phrasesByFirstToken.count
      && startsPhrase[Int(id) >> 6] & (1 << UInt64(id & 63)) != 0
  }

  @inline(__always) private func id(of token: Token) -> Int32 {
    guard let vocabulary else { return token.id }
    return vocabulary[token.hash] ?? -1
  }

  /// False when no token of `line` starts a phrase of this set, so that no phrase can be in
  /// it (the mask the line took as it was built); true when one may be.
  @inline(__always) func mayOccur(in line: LineContext) -> Bool {
    bit == 0 || line.cueStarts & bit != 0
  }

  /// `occurs(in: line.tokens)`, ruled out at once for most lines.
  func occurs(in line: LineContext) -> Bool {
    mayOccur(in: line) && occurs(in: line.tokens)
  }

  /// `covers(line.tokens)`, ruled out at once for most lines: a cover has a phrase.
  func covers(_ line: LineContext, allowingNumbers: Bool = true) -> Bool {
    mayOccur(in: line) && covers(line.tokens, allowingNumbers: allowingNumbers)
  }

  /// `starts(line.tokens)`, ruled out at once for most lines.
  func starts(_ line: LineContext) -> Bool {
    mayOccur(in: line) && starts(line.tokens)
  }

  /// True when some phrase occurs in `tokens`.
  func occurs(in tokens: [Token]) -> Bool {
    // Most words start no phrase: the bit answers for them without a call per word.
    for start in tokens.indices where startsAny(id(of: tokens[start])) {
      if match(tokens, at: start) > 0 { return true }
    }
    return false
  }

  /// True when `tokens` start with a phrase.
  func starts(_ tokens: [Token]) -> Bool { !tokens.isEmpty && match(tokens, at: 0) > 0 }

  /// True when the line is made of phrases only (numbers allowed when `allowingNumbers`), with
  /// at least one phrase.
  func covers(_ tokens: [Token], allowingNumbers: Bool = true) -> Bool {
    var index = 0
    var phrases = 0
    while index < tokens.count {
      let length = match(tokens, at: index)
      if length > 0 {
        phrases += 1
        index += length
      } else if allowingNumbers && tokens[index].isNumber {
        index += 1
      } else {
        return false
      }
    }
    return phrases > 0
  }
}

/// The cue lexicons of `config/lexicons.yaml`, compiled once into token sets. A class, so
/// that every line can refer to it without copying its tables.
final class Lexicons: Sendable {
  let navigation: CueSet
  let social: CueSet
  let promo: CueSet
  let legal: CueSet
  let commentWidget: CueSet
  let profileCard: CueSet
  let commenterVerb: CueSet
  let relatedHeader: CueSet
  let commentHeader: CueSet
  let authorBioHeader: CueSet
  let widget: CueSet
  let bylinePrefix: CueSet
  let photoCredit: CueSet
  let counter: CueSet
  let dateWords: CueSet
  let buyButton: CueSet
  let reviewHeader: CueSet
  let firstPerson: CueSet
  let cookieWords: CueSet
  let cookieContext: CueSet
  /// The hashes of `continuing_words`: words after which no sentence ends (`FragmentRuns`).
  let continuingWords: Set<UInt64>
  /// The hashes of the first words of `byline_prefix`: a line starting with one is a byline.
  let bylineStarts: Set<UInt64>
  /// The languages of `stopwords`, in a fixed order: `Token.stopwords` has a bit for each.
  let stopwordLanguages: [String]

  /// The bit of `language` in `Token.stopwords` (0 when the lexicons have no list for it).
  func stopwordBit(_ language: String) -> UInt32 {
    stopwordLanguages.firstIndex(of: language).map { 1 << UInt32($0) } ?? 0
  }

  /// The lexicons compiled into the binary.
  static let builtIn: Lexicons = {
    let text = String(decoding: PackageResources.lexicons_yaml, as: UTF8.self)
    do {
      return try Lexicons(yaml: text)
    } catch {
      fatalError("config/lexicons.yaml is compiled in and must parse: \(error)")
    }
  }()

  convenience init(yaml: String) throws {
    try self.init(file: Self.lists(yaml: yaml))
  }

  /// The file's lists, by category and language: what `YAMLDecoder` decodes into the same
  /// type, read from Yams' tree instead, without `Decodable`'s machinery (which cost twice
  /// what parsing the file did, at every start).
  static func lists(yaml: String) throws -> [String: [String: [String]]] {
    struct NotLists: Error, CustomStringConvertible {
      let description = "lexicons are lists of phrases by category and language"
    }
    guard let categories = try Yams.compose(yaml: yaml)?.mapping else { throw NotLists() }
    var lists: [String: [String: [String]]] = [:]
    for (category, languages) in categories {
      guard let category = category.scalar?.string, let languages = languages.mapping else {
        throw NotLists()
      }
      var byLanguage: [String: [String]] = [:]
      for (language, phrases) in languages {
        guard let language = language.scalar?.string, let phrases = phrases.sequence else {
          throw NotLists()
        }
        byLanguage[language] = try phrases.map { phrase in
          guard let phrase = phrase.scalar?.string else { throw NotLists() }
          return phrase
        }
      }
      lists[category] = byLanguage
    }
    return lists
  }

  /// Every word of every cue phrase and function-word list, numbered by hash, with the
  /// languages whose function word it is.
  let vocabulary: TokenTable
  /// By vocabulary id: the bits (`CueSet.bit`) of the sets a phrase of which starts with the
  /// word.
  let cueStarts: [UInt32]

  init(file: [String: [String: [String]]]) {
    let words = Vocabulary()
    var phrases: [String: [[Int32]]] = [:]
    for (category, languages) in file
    where category != "stopwords" && category != "continuing_words" {
      phrases[category] = languages.values.flatMap { $0 }.map { words.intern(Token.split($0)) }
    }
    let stopwords = file["stopwords", default: [:]].mapValues {
      Set($0.flatMap { Token.split($0).map(\.hash) })
    }
    for list in stopwords.values { for word in list { _ = words.intern(word) } }
    // Each set gets a bit, and each word the bits of the sets a phrase of which it starts.
    // Past 32 sets the bit is 0, and such a set never rules a line out.
    var cueStarts = Array(repeating: UInt32(0), count: words.words.count)
    var nextBit: UInt32 = 1
    func cues(_ key: String) -> CueSet {
      let list = phrases[key, default: []]
      for phrase in list { if let first = phrase.first { cueStarts[Int(first)] |= nextBit } }
      defer { nextBit <<= 1 }
      return CueSet(phrases: list, vocabularySize: words.words.count, bit: nextBit)
    }
    navigation = cues("navigation")
    social = cues("social")
    promo = cues("promo")
    legal = cues("legal")
    commentWidget = cues("comment_widget")
    profileCard = cues("profile_card")
    commenterVerb = cues("commenter_verb")
    relatedHeader = cues("related_header")
    commentHeader = cues("comment_header")
    authorBioHeader = cues("author_bio_header")
    widget = cues("widget")
    bylinePrefix = cues("byline_prefix")
    photoCredit = cues("photo_credit")
    counter = cues("counter")
    dateWords = cues("date_words")
    buyButton = cues("buy_button")
    reviewHeader = cues("review_header")
    firstPerson = cues("first_person")
    cookieWords = cues("cookie_words")
    cookieContext = cues("cookie_context")
    self.cueStarts = cueStarts
    bylineStarts = Set(
      file["byline_prefix", default: [:]].values.joined().compactMap { Token.split($0).first?.hash }
    )
    continuingWords = Set(
      file["continuing_words", default: [:]].values.joined().flatMap { Token.split($0).map(\.hash) }
    )
    let languages = stopwords.keys.sorted().prefix(32)
    stopwordLanguages = Array(languages)
    var masks = Array(repeating: UInt32(0), count: words.words.count)
    for (bit, language) in languages.enumerated() {
      for word in stopwords[language, default: []] {
        masks[Int(words.words[word]!)] |= 1 << bit
      }
    }
    vocabulary = TokenTable(words.words, stopwords: masks)
  }
}

/// Numbers words as lexicons are compiled.
final class Vocabulary {
  private(set) var words: [UInt64: Int32] = [:]

  func intern(_ word: UInt64) -> Int32 {
    if let id = words[word] { return id }
    let id = Int32(words.count)
    words[word] = id
    return id
  }

  func intern(_ tokens: [Token]) -> [Int32] { tokens.map { intern($0.hash) } }
}

/// An open-addressing table from token hashes to vocabulary ids: one probe or two per token,
/// without the cost of `Dictionary`'s seeded hashing. Key, id and function-word languages
/// share a slot, so a lookup touches one cache line.
struct TokenTable: Sendable {
  struct Entry: Sendable {
    /// The word's id, or -1 when the vocabulary lacks it.
    var id: Int32
    /// The languages whose function word it is, as bits over `Lexicons.stopwordLanguages`.
    var stopwords: UInt32

    static let absent = Entry(id: -1, stopwords: 0)
  }

  private struct Slot: Sendable {
    var key: UInt64
    var entry: Entry
  }

  private let slots: [Slot]
  private let mask: Int
  /// One bit per value of a hash's top `filterBits` bits: set when a word of the table has
  /// it. The slots of some thousand words (a quarter of a megabyte) do not stay in the
  /// first-level cache between lines, and most words of a page are in no lexicon: this 8 KB
  /// filter turns most of them away without a probe that waits for memory.
  private let filter: [UInt64]
  private static let filterBits = 16

  /// `stopwords` holds each id's function-word languages.
  init(_ words: [UInt64: Int32], stopwords: [UInt32]) {
    var capacity = 16
    while capacity < words.count * 2 { capacity *= 2 }
    var slots = Array(repeating: Slot(key: 0, entry: .absent), count: capacity)
    var filter = [UInt64](repeating: 0, count: (1 << Self.filterBits) / 64)
    for (key, id) in words {
      var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
      while slots[slot].entry.id >= 0 { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = Slot(key: key, entry: Entry(id: id, stopwords: stopwords[Int(id)]))
      let bit = Self.filterBit(key)
      filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    self.slots = slots
    mask = capacity - 1
    self.filter = filter
  }

  /// The filter's bit of `hash`: its top bits (the slot is found by its bottom ones).
  @inline(__always) private static func filterBit(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: hash >> UInt64(64 - filterBits))
  }

  /// The entry of the word with this hash (`absent` when there is none).
  @inline(__always) subscript(hash: UInt64) -> Entry {
    let bit = Self.filterBit(hash)
    guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return .absent }
    return slots.withUnsafeBufferPointer { slots in
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot].entry.id >= 0 {
        if slots[slot].key == hash { return slots[slot].entry }
        slot = (slot + 1) & mask
      }
      return .absent
    }
  }
}
