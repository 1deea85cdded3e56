/// Tags the clean text with languages: contiguous segments covering `page.text`, and the
/// language covering most of it as `page.language`. Runs after boilerplate, on kept lines.
public struct LanguageStage: Stage {
  public static let id = StageID.language

  let segmenter: LanguageSegmenter

  public init(settings: LanguageSettings) throws {
    if let problem = settings.problems().first { throw problem }
    segmenter = LanguageSegmenter(
      identifier: LanguageIdentifier(), minSegmentLetters: settings.minSegmentChars,
      minScriptRunLetters: settings.minScriptRunChars,
      sentenceSplitChars: settings.sentenceSplitChars,
      minSentenceRunLetters: settings.minSentenceRunChars,
      minSentenceRunLead: settings.minSentenceRunLead, minConfidence: settings.minConfidence)
  }

  public func run(on page: inout Page, report: inout CleaningReport) {
    page.segments = segmenter.segments(of: page.text)
    page.language = Self.mainLanguage(of: page.segments)
  }

  /// The language with the most code points, leaving out `und` unless nothing else is there.
  static func mainLanguage(of segments: [Segment]) -> String {
    var lengths: [String: Int] = [:]
    for segment in segments where segment.language != "und" {
      lengths[segment.language, default: 0] += segment.end - segment.start
    }
    return lengths.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "und"
  }
}
