/// Placeholder until the language stage lands.
public struct LanguageStage: Stage {
  public static let id = StageID.language

  public init(settings: LanguageSettings) throws {}

  public func run(on page: inout Page, report: inout CleaningReport) {}
}
