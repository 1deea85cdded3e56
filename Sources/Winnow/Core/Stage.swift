/// One step of the cleaning pipeline after decoding, applied to every page in turn.
///
/// A stage is built once from the configuration and shared by all workers, so it is an
/// immutable `Sendable` value. Per-page state lives in `page` and `report`, never in the stage.
public protocol Stage: Sendable {
  /// The stage's key in the config file and in explanations.
  static var id: StageID { get }

  /// Cleans `page` in place and records every repair and removal in `report`.
  func run(on page: inout Page, report: inout CleaningReport)
}
