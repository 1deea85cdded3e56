/// What kind of evidence a context rule weighs, for the line classifier's verdict groups
/// (`VerdictGroup`): the content score, a zone, or the line's position and neighbours.
enum ContextEvidence: Sendable {
  case contentScore
  case zone
  case position
}

/// One rule of the context pass: a small type with the id its verdicts carry.
protocol ContextRule: Sendable {
  /// The id shown by `--explain` and counted under `removed`.
  static var id: RuleID { get }
  static var evidence: ContextEvidence { get }
}

/// The context pass's rules, in the order the pass runs them.
enum ContextRules {
  static let all: [any ContextRule.Type] = [
    TeaserTimeRule.self, ImageCaptionRule.self, TitleRule.self, DuplicateTitleRule.self,
    AboveTitleRule.self, DeckRule.self, ContentScoreRule.self, HeadIslandRule.self,
    CommentLinkRule.self,
    ItemLinkRule.self, ZoneRule.self, ListItemsRule.self, ItemUnitsRule.self,
    RelatedHeadlinesRule.self, TitleOnlyRule.self,
  ]

  /// The rules' ids (as UTF-8 bytes) with their evidence, by the ids' length: a lookup
  /// compares the bytes of the few ids of its length. The line classifier looks up every
  /// dropped line's rule, and hashing each id as a `String` for a dictionary cost more than
  /// the rest of summing up the line.
  private static let evidenceByLength: [[(id: [UInt8], evidence: ContextEvidence)]] = {
    var table: [[(id: [UInt8], evidence: ContextEvidence)]] = []
    for rule in all {
      let id = Array(rule.id.rawValue.utf8)
      while table.count <= id.count { table.append([]) }
      table[id.count].append((id, rule.evidence))
    }
    return table
  }()

  /// The evidence behind a verdict of the context pass; nil for the verdicts of other passes
  /// (the built-in line rules).
  static func evidence(of rule: RuleID) -> ContextEvidence? {
    let table = evidenceByLength
    var id = rule.rawValue
    return id.withUTF8 { bytes in
      guard bytes.count < table.count else { return nil }
      for entry in table[bytes.count]
      where entry.id.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
        return entry.evidence
      }
      return nil
    }
  }
}
