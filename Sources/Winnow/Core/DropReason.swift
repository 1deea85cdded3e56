/// Why a document was dropped whole.
public enum DropReason: String, Codable, CaseIterable, Sendable {
  /// Nothing was left after cleaning (or nothing was there).
  case empty
  /// A user rule with action `drop-document` matched.
  case rule
}
