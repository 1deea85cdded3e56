/// Placeholder until the normalize stage lands.
public struct NormalizeStage: Stage {
  public static let id = StageID.normalize

  public init(settings: NormalizeSettings) throws {}

  public func run(on page: inout Page, report: inout CleaningReport) {}
}
