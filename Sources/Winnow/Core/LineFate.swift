import Foundation

/// What became of one line, in the words `winnow explain` shows: the verdict (`keep`, `drop`,
/// `meta`, `blank`), what the line is (`content`, `title`, a boilerplate kind) and the rule,
/// with its score when the rule was not certain. The text and the HTML explain views both
/// read it, so they always agree.
///
/// A line that left the text for another field of the record is `meta` like the title: a
/// reader comment's line moved to `comments` is `meta` labelled `comments`, with the kind and
/// rule of its removal.
public struct LineFate: Equatable, Sendable {
  public enum Verdict: String, Sendable {
    case keep, drop, meta, blank
  }

  public var verdict: Verdict
  /// `content`, `heading`, `title`, `byline`, `date`, `comments`, a boilerplate kind, or `-`
  /// for blanks.
  public var label: String
  /// The kind, for dropped lines (and lines moved to `comments`).
  public var kind: BoilerplateKind?
  public var rule: RuleID?
  /// The verdict's score when below 1 (the line classifier, the cross-page survey).
  public var score: Double?

  init(
    verdict: Verdict, label: String, kind: BoilerplateKind? = nil, rule: RuleID? = nil,
    score: Double? = nil
  ) {
    self.verdict = verdict
    self.label = label
    self.kind = kind
    self.rule = rule
    self.score = score
  }

  public init(_ line: Line) {
    kind = nil
    rule = line.verdict?.rule
    score = line.verdict.flatMap { $0.score < 1 ? $0.score : nil }
    guard let role = line.verdict?.role else {
      (verdict, label) = line.isBlank ? (.blank, "-") : (.keep, "content")
      return
    }
    switch role {
    case .content: (verdict, label) = (.keep, "content")
    case .heading: (verdict, label) = (.keep, "heading")
    case .title: (verdict, label) = (.meta, "title")
    case .byline: (verdict, label) = (.meta, "byline")
    case .date: (verdict, label) = (.meta, "date")
    case .dropped(let dropped):
      (verdict, label) = line.movedTo.map { (.meta, $0.rawValue) } ?? (.drop, dropped.rawValue)
      kind = dropped
    }
  }

  /// The rule with its score (`builtin.line-model 0.62`), or `-` when no rule decided.
  public var ruleDescription: String {
    guard let rule else { return "-" }
    guard let score else { return rule.rawValue }
    return "\(rule.rawValue) \(String(format: "%.2f", score))"
  }
}
