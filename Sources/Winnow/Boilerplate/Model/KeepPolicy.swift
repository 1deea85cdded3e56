/// How sure the line decider must be to overrule the rules: a line they kept goes when its
/// probability of text is below `dropBelow`; a line they dropped comes back above
/// `keepAbove` when its verdict group is one of `keepGroups`.
struct KeepPolicy: Sendable, Equatable {
  let dropBelow: Double
  let keepAbove: Double
  let keepGroups: Set<VerdictGroup>
  /// `keepGroups` as one bit per `VerdictGroup.rawValue`: the decider asks about every line
  /// of a page, and a `Set` hashes the group each time.
  private let keepBits: UInt32

  init(dropBelow: Double, keepAbove: Double, keepGroups: Set<VerdictGroup>) {
    self.dropBelow = dropBelow
    self.keepAbove = keepAbove
    self.keepGroups = keepGroups
    keepBits = keepGroups.reduce(0) { $0 | 1 << UInt32($1.rawValue) }
  }

  /// Whether the decider may change the verdict of a line of `group` (kept lines and the
  /// dropped groups it may bring back; never the title, bylines and dates).
  func decides(_ group: VerdictGroup) -> Bool {
    group.isKept || isKeepGroup(group)
  }

  /// Whether a line of `group` with probability of text `text` is kept.
  func keeps(_ group: VerdictGroup, text: Double) -> Bool {
    group.isKept ? text >= dropBelow : text > keepAbove && isKeepGroup(group)
  }

  private func isKeepGroup(_ group: VerdictGroup) -> Bool {
    keepBits & 1 << UInt32(group.rawValue) != 0
  }
}
