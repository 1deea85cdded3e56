import Winnow
import Yams

extension Configuration {
  /// The configuration as YAML, keys in the order of `config/default.yaml`; what
  /// `winnow config show --config FILE` prints (the file's comments are not kept).
  var yaml: String {
    get throws { try YAMLEncoder().encode(self) }
  }
}
