/// What kind of page the page-type model sees: running text (news, articles, services,
/// documentation), a forum thread, or a page of items (a listing, a collection, a product
/// with its variants). On forum and item pages the short repeated lines the rules take
/// for menus are often the text; each type carries its own keep policy (`Boilerplate/Model`).
public enum PageType: String, CaseIterable, Sendable {
  case prose
  case forum
  case items

  /// The rule id of lines the decider changed under this type's policy.
  var rule: RuleID { RuleID(rawValue: "model.page-type.\(rawValue)") }
}
