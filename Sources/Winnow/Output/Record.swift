/// One output record: the clean text of a document with its metadata, as the contract's
/// "Record" section describes it.
public struct Record: Sendable {
  public var id: String
  public var source: String
  public var text: String
  public var title: String?
  public var byline: String?
  public var date: String?
  public var language: String
  public var segments: [Segment]
  /// The reader comments under the article, one string per comment (`boilerplate.comments:
  /// field`); written only when there are some.
  public var comments: [String] = []
  public var encoding: String
  public var encodingConfidence: Double
  public var invalidBytes: Int
  public var linesIn: Int
  public var linesKept: Int
  public var charsIn: Int
  public var charsOut: Int
  public var removals: [Removal]
  public var repairs: [RepairKind: Int]
  /// The boilerplate stage kept the page's main block because its decision kept almost
  /// nothing (`winnow.fallback`).
  public var fallback = false
  /// The page's type as the boilerplate stage saw it (`winnow.page_type`), when it looked.
  public var pageType: PageType?
  /// The input object's members (JSONL input), passed through exactly; `text` and the fields
  /// Winnow adds replace members of the same name.
  public var inputFields: RawJSONObject?
  /// User-regex searches given up for lack of time: those lines were judged without the rule.
  public var ruleTimeouts = 0

  public init(
    id: String, source: String, text: String, title: String? = nil, byline: String? = nil,
    date: String? = nil, language: String, segments: [Segment], encoding: String,
    encodingConfidence: Double, invalidBytes: Int, linesIn: Int, linesKept: Int, charsIn: Int,
    charsOut: Int, removals: [Removal], repairs: [RepairKind: Int],
    inputFields: RawJSONObject? = nil
  ) {
    self.id = id
    self.source = source
    self.text = text
    self.title = title
    self.byline = byline
    self.date = date
    self.language = language
    self.segments = segments
    self.encoding = encoding
    self.encodingConfidence = encodingConfidence
    self.invalidBytes = invalidBytes
    self.linesIn = linesIn
    self.linesKept = linesKept
    self.charsIn = charsIn
    self.charsOut = charsOut
    self.removals = removals
    self.repairs = repairs
    self.inputFields = inputFields
  }
}
