import Winnow

extension Pipeline {
  /// Builds the pipeline for a subcommand. The loader already checked the config, so a
  /// failure here is still a config problem: exit 2, before any input is read.
  static func forCommand(_ configuration: Configuration) throws -> Pipeline {
    do {
      return try Pipeline(configuration: configuration)
    } catch let error as ConfigError {
      throw error
    } catch {
      throw UsageFailure(message: "config: \(error)")
    }
  }
}
