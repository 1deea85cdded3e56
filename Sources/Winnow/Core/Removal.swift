/// Why one line left the text. With `--explain` each becomes an entry of
/// `winnow.removed_lines`; without it, only `kind` is counted under `winnow.removed`.
public struct Removal: Hashable, Sendable {
  /// 1-based line number in the decoded input.
  public var line: Int
  public var stage: StageID
  public var rule: RuleID
  public var kind: BoilerplateKind
  public var text: String
  /// The record field the line went to instead of `text`, if any: a reader comment's prose
  /// goes to `comments` (`boilerplate.comments: field`). It still left the text, so it still
  /// counts under `winnow.removed`; `--explain` says `"to": "comments"`.
  public var movedTo: Destination?

  public init(
    line: Int, stage: StageID, rule: RuleID, kind: BoilerplateKind, text: String,
    movedTo: Destination? = nil
  ) {
    self.line = line
    self.stage = stage
    self.rule = rule
    self.kind = kind
    self.text = text
    self.movedTo = movedTo
  }

  /// A record field beside `text` that removed lines can go to.
  public enum Destination: String, Hashable, Sendable {
    case comments
  }
}
