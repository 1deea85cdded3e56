/// The `boilerplate` section of the config.
public struct BoilerplateSettings: Codable, Sendable, Equatable {
  public var enabled: Bool
  /// Lines shorter than this (characters, Han counting three) are too short to judge alone.
  public var lengthLow: Int
  /// Lines longer than this, with enough function words, are article text by themselves.
  public var lengthHigh: Int
  /// Below this share of function words a line is a list of names or links.
  public var stopwordsLow: Double
  /// From this share of function words on, a long line is running text.
  public var stopwordsHigh: Double
  /// Han and kana lines have fewer function characters: their share is divided by this.
  public var cjkStopwordScale: Double
  /// Steps of ICU's match engine (about milliseconds) a user regex may spend on one line;
  /// a search that runs out counts as no match.
  public var regexTimeLimit: Int
  /// The learned line classifier: `builtin` (compiled in), `off`, or the path of a weights
  /// file written by `scripts/train_boilerplate.py`.
  public var lineModel: String
  /// The word counts by which the context pass tells chrome, headings and captions.
  public var context: ContextSettings
  /// What becomes of reader comments: dropped, moved to the record's `comments`, or kept.
  public var comments: CommentsMode
  /// The page-type model the line decider consults first: `builtin`, `off`, or the path of
  /// a file written by `scripts/train_page_type.py`. Needs the line model.
  public var pageTypes: String
  /// Lines repeated across the pages of a folder, in runs that survey their folders.
  public var crossDocument: CrossDocumentSettings
  /// User rules, applied after the built-in ones and overriding them.
  public var rules: [RuleSpec]
  /// The compiled `rules`, kept by the first validation; not part of the config.
  private var ruleCache = UserRuleCache()

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled
    case lengthLow = "length_low"
    case lengthHigh = "length_high"
    case stopwordsLow = "stopwords_low"
    case stopwordsHigh = "stopwords_high"
    case cjkStopwordScale = "cjk_stopword_scale"
    case regexTimeLimit = "regex_time_limit"
    case lineModel = "line_model"
    case context
    case comments
    case pageTypes = "page_types"
    case crossDocument = "cross_document"
    case rules
  }

  /// The user rules checked and compiled, once per set of rules: the loader's validation
  /// compiles them and the stage built from these settings takes them from there.
  var userRules: UserRules { ruleCache.rules(for: rules, timeLimit: regexTimeLimit) }

  /// Values that decode but cannot be used, with their key paths below `boilerplate`.
  public func problems() -> [SettingsProblem] {
    var problems: [SettingsProblem] = []
    func report(_ path: [String], _ message: String) {
      problems.append(SettingsProblem(keyPath: path, message: message))
    }
    // Each problem is blamed on the key that holds the bad value, so the error points at it.
    if lengthLow < 0 {
      report(["length_low"], "must be 0 or more")
    } else if lengthHigh < lengthLow {
      report(["length_high"], "must be at least length_low (\(lengthLow))")
    }
    if !(0...1).contains(stopwordsLow) {
      report(["stopwords_low"], "must be between 0 and 1")
    } else if !(stopwordsLow...1).contains(stopwordsHigh) {
      report(["stopwords_high"], "must be between stopwords_low (\(stopwordsLow)) and 1")
    }
    if cjkStopwordScale <= 0 { report(["cjk_stopword_scale"], "must be greater than 0") }
    if regexTimeLimit < 0 { report(["regex_time_limit"], "must be 0 (no limit) or more") }
    if let problem = ModelChoice<LineClassifier>.problem(lineModel) {
      report(["line_model"], problem)
    }
    if let problem = ModelChoice<PageTypeModel>.problem(pageTypes) {
      report(["page_types"], problem)
    }
    for problem in context.problems() {
      report(["context"] + problem.keyPath, problem.message)
    }
    for problem in crossDocument.problems() {
      report(["cross_document"] + problem.keyPath, problem.message)
    }
    problems += userRules.problems
    return problems
  }
}
