/// What the rules and the context pass made of a line, in the coarse groups the line
/// classifier sees as features and uses to decide which verdicts it may overrule.
enum VerdictGroup: Int, CaseIterable, Sendable {
  /// Kept as text (by the content score or a rule).
  case content
  /// Kept as a heading.
  case heading
  /// The page's title.
  case title
  /// A byline or a date.
  case meta
  /// Dropped by the content score alone.
  case scoreDrop
  /// Dropped because it lies in a zone ("Related", "Comments").
  case zoneDrop
  /// Dropped by its position: above the title, a repeated title, a caption, a teaser's time.
  case contextDrop
  /// Dropped by a built-in rule that saw a cue in the line itself.
  case ruleDrop

  init(_ verdict: Verdict?) {
    guard let verdict else {
      self = .content
      return
    }
    switch verdict.role {
    case .content: self = .content
    case .heading: self = .heading
    case .title: self = .title
    case .byline, .date: self = .meta
    case .dropped:
      switch ContextRules.evidence(of: verdict.rule) {
      case .contentScore: self = .scoreDrop
      case .zone: self = .zoneDrop
      case .position: self = .contextDrop
      case nil: self = .ruleDrop
      }
    }
  }

  /// The verdict keeps the line in the text.
  var isKept: Bool { self == .content || self == .heading }
}
