import Foundation

/// A model the boilerplate stage can take from the config: compiled in, or read from a file.
protocol ChoosableModel: Sendable {
  static var builtIn: Self { get }
  init(text: String) throws
}

extension LineClassifier: ChoosableModel {}
extension PageTypeModel: ChoosableModel {}

/// A model setting (`line_model`, `page_types`): the compiled-in model, none, or the path of
/// a file written by the training script.
enum ModelChoice<Model: ChoosableModel> {
  static var builtIn: String { "builtin" }
  static var off: String { "off" }

  /// The model `setting` names, nil for `off`.
  static func load(_ setting: String) throws -> Model? {
    switch setting {
    case off: return nil
    case builtIn: return Model.builtIn
    default:
      guard let data = FileManager.default.contents(atPath: setting) else {
        throw LineClassifier.Invalid(description: "cannot read '\(setting)'")
      }
      return try Model(text: String(decoding: data, as: UTF8.self))
    }
  }

  /// Why `setting` cannot be used, or nil. The compiled-in model is checked by the build's
  /// tests, not parsed here: a run with boilerplate off never pays for it.
  static func problem(_ setting: String) -> String? {
    if setting == builtIn || setting == off { return nil }
    do {
      _ = try load(setting)
      return nil
    } catch {
      return "'\(setting)' is not '\(builtIn)', '\(off)' or a usable model file: \(error)"
    }
  }
}
