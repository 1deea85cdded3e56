import Yams

/// Phrases of one cue category in all languages, matched on a line's tokens.
struct CueSet: Sendable {
  /// Phrases by their first token, longest first, so that matching is one dictionary lookup
  /// per token of the line.
  private let phrasesByFirstToken: [String: [[String]]]

  init(phrases: [String]) {
    var index: [String: [[String]]] = [:]
    for phrase in phrases {
      let tokens = Token.split(phrase).map(\.text)
      guard let first = tokens.first else { continue }
      index[first, default: []].append(tokens)
    }
    phrasesByFirstToken = index.mapValues { $0.sorted { $0.count > $1.count } }
  }

  /// The length of the longest phrase that starts at `tokens[start]`, or 0.
  func match(_ tokens: [Token], at start: Int) -> Int {
    guard let candidates = phrasesByFirstToken[tokens[start].text] else { return 0 }
    for phrase in candidates where start + phrase.count <= tokens.count {
      var equal = true
      for offset in 1..<phrase.count where tokens[start + offset].text != phrase[offset] {
        equal = false
        break
      }
      if equal { return phrase.count }
    }
    return 0
  }

  /// True when some phrase occurs in `tokens`.
  func occurs(in tokens: [Token]) -> Bool {
    tokens.indices.contains { match(tokens, at: $0) > 0 }
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

/// The cue lexicons of `config/lexicons.yaml`, compiled once into token sets.
struct Lexicons: Sendable {
  var navigation: CueSet
  var social: CueSet
  var promo: CueSet
  var legal: CueSet
  var commentWidget: CueSet
  var profileCard: CueSet
  var relatedHeader: CueSet
  var commentHeader: CueSet
  var authorBioHeader: CueSet
  var widget: CueSet
  var bylinePrefix: CueSet
  var photoCredit: CueSet
  var counter: CueSet
  var dateWords: CueSet
  /// Function words per language (`en`, `zh`, ...), for the content score.
  var stopwords: [String: Set<String>]

  /// The lexicons compiled into the binary.
  static let builtIn: Lexicons = {
    let text = String(decoding: PackageResources.lexicons_yaml, as: UTF8.self)
    do {
      return try Lexicons(yaml: text)
    } catch {
      fatalError("config/lexicons.yaml is compiled in and must parse: \(error)")
    }
  }()

  init(yaml: String) throws {
    let file = try YAMLDecoder().decode([String: [String: [String]]].self, from: yaml)
    func cues(_ key: String) -> CueSet {
      CueSet(phrases: file[key, default: [:]].values.flatMap { $0 })
    }
    navigation = cues("navigation")
    social = cues("social")
    promo = cues("promo")
    legal = cues("legal")
    commentWidget = cues("comment_widget")
    profileCard = cues("profile_card")
    relatedHeader = cues("related_header")
    commentHeader = cues("comment_header")
    authorBioHeader = cues("author_bio_header")
    widget = cues("widget")
    bylinePrefix = cues("byline_prefix")
    photoCredit = cues("photo_credit")
    counter = cues("counter")
    dateWords = cues("date_words")
    stopwords = file["stopwords", default: [:]].mapValues {
      Set($0.flatMap { Token.split($0).map(\.text) })
    }
  }
}
