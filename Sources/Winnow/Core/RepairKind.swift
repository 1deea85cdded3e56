/// A kind of change the normalize stage makes, counted under `winnow.repairs`.
public enum RepairKind: String, Codable, CaseIterable, Sendable {
  case mojibake, entities, invisible, control, whitespace, punctuation, normalization
  case lineEndings = "line-endings"
}
