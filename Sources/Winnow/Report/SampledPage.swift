/// A record kept for the report's sample, with only what its view shows. The text, the list of
/// removed lines and each removed line are cut at fixed lengths, so that a sample of a few
/// pages stays small whatever the records hold.
struct SampledPage {
  static let maxTextScalars = 60_000
  static let maxRemovedLines = 2_000
  static let maxLineScalars = 2_000
  static let maxComments = 200

  var id: String
  var language: String
  var encoding: String
  var title: String?
  var byline: String?
  var date: String?
  /// The record's reader comments, each cut like a removed line.
  var comments: [String]
  var linesIn: Int
  var linesKept: Int
  var charsIn: Int
  var charsOut: Int
  /// Kinds and counts, as `winnow.removed` gives them.
  var removed: [String: Int]
  var removedLines: [OutputLine.RemovedLine]
  /// Whether the record had `winnow.removed_lines` (made with `--explain`).
  var hasRemovedLines: Bool
  var text: String
  var segments: [Segment]
  /// True when the text or the removed lines were cut for the report.
  var truncated: Bool

  init(_ line: OutputLine, winnow: OutputLine.WinnowFields, position: Int) {
    id = line.id ?? line.source ?? "record \(position + 1)"
    language = line.language ?? "und"
    encoding = winnow.encoding ?? "?"
    title = line.title
    byline = line.byline
    date = line.date
    linesIn = winnow.linesIn ?? 0
    linesKept = winnow.linesKept ?? 0
    charsIn = winnow.charsIn ?? 0
    charsOut = winnow.charsOut ?? 0
    removed = winnow.removed ?? [:]
    hasRemovedLines = winnow.removedLines != nil
    let allRemoved = winnow.removedLines ?? []
    let allComments = line.comments ?? []
    var cut = allRemoved.count > Self.maxRemovedLines || allComments.count > Self.maxComments
    comments = allComments.prefix(Self.maxComments).map { comment in
      let (text, wasCut) = comment.cut(atScalars: Self.maxLineScalars)
      cut = cut || wasCut
      return text
    }
    removedLines = allRemoved.prefix(Self.maxRemovedLines).map { removal in
      var removal = removal
      let (text, wasCut) = removal.text.cut(atScalars: Self.maxLineScalars)
      removal.text = text
      cut = cut || wasCut
      return removal
    }
    let (text, textCut) = (line.text ?? "").cut(atScalars: Self.maxTextScalars)
    self.text = text
    truncated = cut || textCut
    segments = (line.segments ?? []).filter { $0.start < Self.maxTextScalars }.map {
      Segment(
        start: $0.start, end: $0.end, language: $0.language, script: $0.script,
        confidence: $0.confidence)
    }
  }
}

extension String {
  /// The string cut to at most `limit` code points, with an ellipsis when cut.
  fileprivate func cut(atScalars limit: Int) -> (String, Bool) {
    // Cheap first test: a string has no more code points than UTF-8 bytes.
    guard utf8.count > limit, unicodeScalars.count > limit else { return (self, false) }
    var cut = ""
    cut.unicodeScalars.append(contentsOf: unicodeScalars.prefix(limit))
    return (cut + "…", true)
  }
}
