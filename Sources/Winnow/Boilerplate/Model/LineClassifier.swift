import Foundation

/// The learned line decider: two tree ensembles over `LineFeatures`. The first gives every
/// line a probability of being article text; the second reads the same features plus the
/// first probabilities of the line and of its neighbours (`contextNames`). The file says
/// which of the two decides (`decidesWithSecond`) and how sure it must be: a line the rules
/// kept goes below `dropBelow`, a line they dropped comes back above `keepAbove` when its
/// verdict group is one of `keepGroups`. Trained by
/// `scripts/train_boilerplate.py`, which writes the text format `init(text:)` reads.
struct LineClassifier: Sendable {
  /// Why a weights file cannot be used; the message names the line.
  struct Invalid: Error, CustomStringConvertible {
    let description: String
  }

  /// The second model's values after the features, as the pass computes them.
  static let contextNames = [
    "p_self", "p_previous", "p_next", "p_window3", "p_window10", "p_page",
  ]
  /// Lines on each side whose first probabilities `p_window3` and `p_window10` average.
  static let contextWindows = (3, 10)

  let first: TreeEnsemble
  let second: TreeEnsemble
  let decidesWithSecond: Bool
  let dropBelow: Double
  let keepAbove: Double
  /// The verdict groups of dropped lines the decider may bring back.
  let keepGroups: Set<VerdictGroup>

  /// The thresholds and groups above, as the pass applies them.
  var policy: KeepPolicy {
    KeepPolicy(dropBelow: dropBelow, keepAbove: keepAbove, keepGroups: keepGroups)
  }

  /// The model compiled into the binary (`boilerplate_model.txt`).
  static let builtIn: LineClassifier = {
    let text = String(decoding: PackageResources.boilerplate_model_txt, as: UTF8.self)
    do {
      return try LineClassifier(text: text)
    } catch {
      fatalError("boilerplate_model.txt is compiled in and must parse: \(error)")
    }
  }()

  /// Reads the format of `scripts/train_boilerplate.py`: header lines `features NAME...`,
  /// `context NAME...`, `decide_with first|second`, `drop_below P`, `keep_above P` and
  /// `keep_groups GROUP...`; then `model first` and `model second` (`ModelFile`).
  init(text: String) throws {
    let file = try ModelFile(text: text, modelNames: ["first", "second"])
    let header = file.header
    guard header["features"]?.map(String.init) == LineFeatures.names else {
      throw Invalid(description: "its 'features' line does not list this build's features")
    }
    guard header["context"]?.map(String.init) == Self.contextNames else {
      throw Invalid(description: "its 'context' line does not list this build's context")
    }
    dropBelow = try file.probability("drop_below")
    keepAbove = try file.probability("keep_above")
    guard let decider = header["decide_with"], decider == ["first"] || decider == ["second"]
    else { throw Invalid(description: "needs a 'decide_with first|second' line") }
    decidesWithSecond = decider == ["second"]
    keepGroups = try ModelFile.keepGroups(header["keep_groups"] ?? [])
    first = try file.ensemble("first", width: LineFeatures.count)
    second = try file.ensemble("second", width: LineFeatures.count + Self.contextNames.count)
  }
}
