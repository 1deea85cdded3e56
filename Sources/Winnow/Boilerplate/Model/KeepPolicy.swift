/// How sure the line decider must be to overrule the rules: a line they kept goes when its
/// probability of text is below `dropBelow`; a line they dropped comes back above
/// `keepAbove` when its verdict group is one of `keepGroups`.
struct KeepPolicy: Sendable, Equatable {
  let dropBelow: Double
  let keepAbove: Double
  let keepGroups: Set<VerdictGroup>

  /// Whether the decider may change the verdict of a line of `group` (kept lines and the
  /// dropped groups it may bring back; never the title, bylines and dates).
  func decides(_ group: VerdictGroup) -> Bool {
    group.isKept || keepGroups.contains(group)
  }

  /// Whether a line of `group` with probability of text `text` is kept.
  func keeps(_ group: VerdictGroup, text: Double) -> Bool {
    group.isKept ? text >= dropBelow : text > keepAbove && keepGroups.contains(group)
  }
}
