import Yams

@testable import Winnow

/// The `boilerplate` section of the built-in `config/default.yaml`.
enum DefaultBoilerplate {
  private struct Section: Decodable { var boilerplate: BoilerplateSettings }

  static var settings: BoilerplateSettings {
    let yaml = String(decoding: PackageResources.default_yaml, as: UTF8.self)
    return try! YAMLDecoder().decode(Section.self, from: yaml).boilerplate
  }

  /// Runs the boilerplate stage alone over `text`, split into lines as the pipeline does.
  static func run(
    _ text: String, source: String = "test.txt", settings: BoilerplateSettings = settings
  ) throws -> (Page, CleaningReport) {
    let stage = try BoilerplateStage(settings: settings)
    var page = Page(
      source: source,
      decoded: DecodedText(text: text, encoding: "UTF-8", confidence: 1, invalidBytes: 0))
    var report = CleaningReport()
    stage.run(on: &page, report: &report)
    return (page, report)
  }
}
