/// Everything the stages did to one page: what they removed and why, and what they repaired.
public struct CleaningReport: Sendable {
  public var removals: [Removal] = []
  public var repairs: [RepairKind: Int] = [:]
  /// Set when a rule with action `drop-document` matched: the document is dropped whole.
  public var documentDropRule: RuleID?
  /// User-regex searches given up for lack of time (`winnow.rule_timeouts`).
  public var ruleTimeouts = 0
  /// Set when the line decider would have kept almost nothing of a page with a substantial
  /// main block, and that block was kept instead (`winnow.fallback`).
  public var fallback = false
  /// What the boilerplate stage's page-type model called the page (`winnow.page_type`); nil
  /// when it did not run.
  public var pageType: PageType?

  public init() {}

  public mutating func count(_ repair: RepairKind, _ times: Int = 1) {
    guard times > 0 else { return }
    repairs[repair, default: 0] += times
  }

  /// Removed lines per kind, as `winnow.removed` reports them.
  public var removedByKind: [BoilerplateKind: Int] {
    removals.reduce(into: [:]) { counts, removal in counts[removal.kind, default: 0] += 1 }
  }
}
