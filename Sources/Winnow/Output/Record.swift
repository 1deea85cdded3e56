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
  public var encoding: String
  public var encodingConfidence: Double
  public var invalidBytes: Int
  public var linesIn: Int
  public var linesKept: Int
  public var charsIn: Int
  public var charsOut: Int
  public var removals: [Removal]
  public var repairs: [RepairKind: Int]
  /// The input object's members (JSONL input), passed through exactly; `text` and the fields
  /// Winnow adds replace members of the same name.
  public var inputFields: RawJSONObject?
}
