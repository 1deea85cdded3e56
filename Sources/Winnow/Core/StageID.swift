/// The stages of the pipeline, in the order a page goes through them. The raw value is the
/// stage's key in the config file and in explanations.
public enum StageID: String, Codable, CaseIterable, Sendable {
  case decode, normalize, boilerplate, language
}
