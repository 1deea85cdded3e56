/// Why one line left the text. With `--explain` each becomes an entry of
/// `winnow.removed_lines`; without it, only `kind` is counted under `winnow.removed`.
public struct Removal: Hashable, Sendable {
  /// 1-based line number in the decoded input.
  public var line: Int
  public var stage: StageID
  public var rule: RuleID
  public var kind: BoilerplateKind
  public var text: String

  public init(line: Int, stage: StageID, rule: RuleID, kind: BoilerplateKind, text: String) {
    self.line = line
    self.stage = stage
    self.rule = rule
    self.kind = kind
    self.text = text
  }
}
