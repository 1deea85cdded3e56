/// What a dropped line was. The raw values are the kinds of `shared/seeds/README.md`, as they
/// appear in `winnow.removed` and `--explain`.
public enum BoilerplateKind: String, Codable, CaseIterable, Sendable {
  case navigation, counter, promo, social, legal, widget, junk
  case commentWidget = "comment-widget"
  case relatedLinks = "related-links"
  case authorBio = "author-bio"
  case imageCaption = "image-caption"
  case duplicateTitle = "duplicate-title"
}
