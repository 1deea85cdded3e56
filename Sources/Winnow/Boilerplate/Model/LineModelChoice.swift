import Foundation

/// The `line_model` setting: the compiled-in model, none, or a weights file.
enum LineModelChoice {
  static let builtIn = "builtin"
  static let off = "off"

  /// The classifier `setting` names, nil for `off`.
  static func load(_ setting: String) throws -> LineClassifier? {
    switch setting {
    case off: return nil
    case builtIn: return LineClassifier.builtIn
    default:
      guard let data = FileManager.default.contents(atPath: setting) else {
        throw LineClassifier.Invalid(description: "cannot read '\(setting)'")
      }
      return try LineClassifier(text: String(decoding: data, as: UTF8.self))
    }
  }

  /// Why `setting` cannot be used, or nil.
  static func problem(_ setting: String) -> String? {
    do {
      _ = try load(setting)
      return nil
    } catch {
      return "'\(setting)' is not '\(builtIn)', '\(off)' or a usable weights file: \(error)"
    }
  }
}
