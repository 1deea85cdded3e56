import Foundation

/// One line of `winnow clean` output, as `winnow report` reads it: a record (with
/// `--explain`, its removed lines too), a drop (`--drops inline`), or an error
/// (`--errors inline`). Every field is optional and a field of the wrong type is ignored,
/// because records made from JSONL input carry the input's own members beside Winnow's.
struct OutputLine: Decodable {
  var id: String?
  var source: String?
  var text: String?
  var title: String?
  var byline: String?
  var date: String?
  var comments: [String]?
  var language: String?
  var segments: [SegmentFields]?
  var winnow: WinnowFields?
  var dropped: String?
  var error: String?

  struct SegmentFields: Decodable {
    var start: Int
    var end: Int
    var language: String
    var script: String
    var confidence: Double
  }

  struct WinnowFields: Decodable {
    var encoding: String?
    var linesIn: Int?
    var linesKept: Int?
    var charsIn: Int?
    var charsOut: Int?
    var removed: [String: Int]?
    var removedLines: [RemovedLine]?

    enum CodingKeys: String, CodingKey {
      case encoding, removed
      case linesIn = "lines_in"
      case linesKept = "lines_kept"
      case charsIn = "chars_in"
      case charsOut = "chars_out"
      case removedLines = "removed_lines"
    }

    init(from decoder: any Swift.Decoder) throws {
      let fields = try decoder.container(keyedBy: CodingKeys.self)
      encoding = try? fields.decodeIfPresent(String.self, forKey: .encoding)
      linesIn = try? fields.decodeIfPresent(Int.self, forKey: .linesIn)
      linesKept = try? fields.decodeIfPresent(Int.self, forKey: .linesKept)
      charsIn = try? fields.decodeIfPresent(Int.self, forKey: .charsIn)
      charsOut = try? fields.decodeIfPresent(Int.self, forKey: .charsOut)
      removed = try? fields.decodeIfPresent([String: Int].self, forKey: .removed)
      removedLines = try? fields.decodeIfPresent([RemovedLine].self, forKey: .removedLines)
    }
  }

  /// An entry of `winnow.removed_lines`.
  struct RemovedLine: Decodable {
    var line: Int
    var kind: String
    var rule: String
    var text: String
    /// The record field the line went to instead of the text (`comments`), if any.
    var to: String?
  }

  enum CodingKeys: String, CodingKey {
    case id, source, text, title, byline, date, comments, language, segments, winnow, dropped
    case error
  }

  init(from decoder: any Swift.Decoder) throws {
    let fields = try decoder.container(keyedBy: CodingKeys.self)
    // A numeric id (JSONL input keeps the input's) is shown as its number.
    id =
      (try? fields.decodeIfPresent(String.self, forKey: .id))
      ?? (try? fields.decodeIfPresent(Int.self, forKey: .id)).flatMap { $0.map(String.init) }
    source = try? fields.decodeIfPresent(String.self, forKey: .source)
    text = try? fields.decodeIfPresent(String.self, forKey: .text)
    title = try? fields.decodeIfPresent(String.self, forKey: .title)
    byline = try? fields.decodeIfPresent(String.self, forKey: .byline)
    date = try? fields.decodeIfPresent(String.self, forKey: .date)
    comments = try? fields.decodeIfPresent([String].self, forKey: .comments)
    language = try? fields.decodeIfPresent(String.self, forKey: .language)
    segments = try? fields.decodeIfPresent([SegmentFields].self, forKey: .segments)
    winnow = try? fields.decodeIfPresent(WinnowFields.self, forKey: .winnow)
    dropped = try? fields.decodeIfPresent(String.self, forKey: .dropped)
    error = try? fields.decodeIfPresent(String.self, forKey: .error)
  }

  /// What the line is: a record has a `winnow` object; a drop, `dropped`; an error, `error`.
  enum Shape {
    case record(WinnowFields)
    case dropped(String)
    case failed(String)
    case unknown
  }

  var shape: Shape {
    if let winnow { return .record(winnow) }
    if let dropped { return .dropped(dropped) }
    if let error { return .failed(error) }
    return .unknown
  }
}
