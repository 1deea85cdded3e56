import ArgumentParser
import Winnow

/// The options that shape the configuration, shared by `clean` and `explain`.
struct ConfigOptions: ParsableArguments {
  @Option(help: ArgumentHelp("A YAML file laid over the built-in config.", valueName: "file"))
  var config: String?

  @Option(
    help: ArgumentHelp(
      "Read every input in this charset (GB18030, Shift_JIS, windows-1252, ...) instead of "
        + "detecting it; overrides decode.encoding.", valueName: "name"))
  var encoding: String?

  /// The built-in config, the `--config` file laid over it, then `--encoding`.
  func load() throws -> Configuration {
    var configuration = try config.map(Configuration.load(path:)) ?? .builtIn
    if let encoding {
      configuration.decode.encoding = encoding
      do {
        try configuration.decode.check()
      } catch {
        throw ValidationError("--encoding: \(error.message)")
      }
    }
    return configuration
  }
}
