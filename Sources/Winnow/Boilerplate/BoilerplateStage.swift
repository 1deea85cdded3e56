/// Placeholder until the boilerplate stage lands.
public struct BoilerplateStage: Stage {
  public static let id = StageID.boilerplate

  public init(settings: BoilerplateSettings) throws {}

  public func run(on page: inout Page, report: inout CleaningReport) {}
}
