/// A colour for each kind of boilerplate, the same in every view so that a reader learns them
/// once. Picked to be told apart on white and by most colour-blind readers (Tableau 10 hues,
/// with the two extra kinds in lighter tones).
enum KindPalette {
  static func color(of kind: BoilerplateKind) -> String {
    switch kind {
    case .navigation: "#4e79a7"
    case .counter: "#9c755f"
    case .promo: "#e15759"
    case .social: "#76b7b2"
    case .legal: "#79706e"
    case .widget: "#edc948"
    case .junk: "#b07aa1"
    case .commentWidget: "#f28e2b"
    case .relatedLinks: "#59a14f"
    case .authorBio: "#ff9da7"
    case .imageCaption: "#8cd17d"
    case .duplicateTitle: "#a0cbe8"
    }
  }

  /// The CSS class of a kind (`k-related-links`): raw values are lowercase words and dashes.
  static func cssClass(of kind: BoilerplateKind) -> String { "k-" + kind.rawValue }

  /// One rule per kind setting `--kind` for its class, for the stylesheet.
  static var css: String {
    BoilerplateKind.allCases.map { ".\(cssClass(of: $0)){--kind:\(color(of: $0))}" }
      .joined(separator: "\n")
  }
}

/// A colour for each language of a view, in the order the view first met them; `und` is grey.
/// Colours repeat after the palette's twelve, which a view with more languages than that
/// tolerates: the code is written beside the colour wherever it matters.
struct LanguagePalette {
  private static let colors = [
    "#3b6fb6", "#d9822b", "#2e9d6a", "#c2413b", "#8a63b8", "#1b9aaa",
    "#b5892f", "#d45d9a", "#5c8a2f", "#6d6fd6", "#a0522d", "#3f8f8f",
  ]
  static let undetermined = "#b7bcc4"

  private var order: [String: Int] = [:]

  init(_ languages: some Sequence<String> = []) {
    for language in languages { _ = index(of: language) }
  }

  /// The colour of `language`, giving it the next one when it is new.
  mutating func color(of language: String) -> String {
    guard language != "und" else { return Self.undetermined }
    return Self.colors[index(of: language) % Self.colors.count]
  }

  private mutating func index(of language: String) -> Int {
    if let known = order[language] { return known }
    let next = order.count
    order[language] = next
    return next
  }
}
