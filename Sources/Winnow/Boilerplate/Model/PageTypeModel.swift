import Foundation

/// The page-type model: two tree ensembles over `PageTypeFeatures` (forum against the rest,
/// items against the rest) and, for each of the two types, the probability from which a
/// page is called that type and the `KeepPolicy` the line decider follows on it (items
/// win when both are called; a page called neither is prose and keeps the line model's
/// policy). Trained by `scripts/train_page_type.py`; the file is `ModelFile`'s format with
/// header lines `features NAME...` and, per type, `type TYPE call_at P drop_below P
/// keep_above P keep_groups GROUP...` (or `type TYPE off`: never called). A type may have
/// several such lines, tiers: a page takes the policy of the highest `call_at` it reaches
/// (a surer call may reach further: a forum's posts in comment zones). A type may have
/// its own line model (`model TYPE_lines` over `LineFeatures`, listed by a `line_features`
/// line), trained on pages of that type: on a page called that type it gives the lines'
/// probabilities of text in place of the line decider's.
struct PageTypeModel: Sendable {
  struct Call: Sendable {
    let model: TreeEnsemble
    let callAt: Double
    let policy: KeepPolicy
    /// The type's own line model, if the file has one.
    let lines: TreeEnsemble?
  }

  /// The types the model may call, items first, each type's tiers surest first.
  let calls: [(type: PageType, call: Call)]

  /// The model compiled into the binary (`boilerplate_page_type.txt`).
  static let builtIn: PageTypeModel = {
    let text = String(decoding: PackageResources.boilerplate_page_type_txt, as: UTF8.self)
    do {
      return try PageTypeModel(text: text)
    } catch {
      fatalError("boilerplate_page_type.txt is compiled in and must parse: \(error)")
    }
  }()

  init(text: String) throws {
    let file = try ModelFile(
      text: text, modelNames: ["forum", "items", "forum_lines", "items_lines"])
    guard file.header["features"]?.map(String.init) == PageTypeFeatures.names else {
      throw LineClassifier.Invalid(
        description: "its 'features' line does not list this build's page features")
    }
    let hasLineModels = file.has("forum_lines") || file.has("items_lines")
    guard !hasLineModels || file.header["line_features"]?.map(String.init) == LineFeatures.names
    else {
      throw LineClassifier.Invalid(
        description: "its 'line_features' line does not list this build's line features")
    }
    var calls: [(type: PageType, call: Call)] = []
    // One ensemble per type, however many tiers read it.
    var models: [PageType: (model: TreeEnsemble, lines: TreeEnsemble?)] = [:]
    for fields in file.repeated["type"] ?? [] {
      guard let name = fields.first, let type = PageType(rawValue: String(name)), type != .prose
      else { throw LineClassifier.Invalid(description: "a 'type' line names forum or items") }
      if fields.count == 2 && fields[1] == "off" { continue }
      var values: [String: Double] = [:]
      for key in ["call_at", "drop_below", "keep_above"] {
        guard let at = fields.firstIndex(of: Substring(key)), at + 1 < fields.count,
          let value = Double(fields[at + 1]), (0...1).contains(value)
        else {
          throw LineClassifier.Invalid(description: "'type \(name)' needs '\(key) P'")
        }
        values[key] = value
      }
      let groups = fields.drop { $0 != "keep_groups" }.dropFirst()
      let policy = KeepPolicy(
        dropBelow: values["drop_below"]!, keepAbove: values["keep_above"]!,
        keepGroups: try ModelFile.keepGroups(groups))
      if models[type] == nil {
        let own = "\(type.rawValue)_lines"
        models[type] = (
          try file.ensemble(type.rawValue, width: PageTypeFeatures.count),
          file.has(own) ? try file.ensemble(own, width: LineFeatures.count) : nil
        )
      }
      let (model, lines) = models[type]!
      calls.append(
        (type, Call(model: model, callAt: values["call_at"]!, policy: policy, lines: lines)))
    }
    self.calls = calls.sorted { a, b in
      a.type == b.type ? a.call.callAt > b.call.callAt : a.type == .items
    }
  }

  /// The type of a page of `values` (`PageTypeFeatures`) and its call (nil for prose: the
  /// line model's policy and probabilities): the first tier whose `call_at` the page's
  /// probability of its type reaches.
  func classify(_ values: [Float]) -> (type: PageType, call: Call?) {
    values.withUnsafeBufferPointer { row in
      var last: (type: PageType, probability: Double)? = nil
      for (type, call) in calls {
        // A type's tiers share its model: walk it once.
        let probability =
          last?.type == type ? last!.probability : call.model.probability(row)
        last = (type, probability)
        if probability >= call.callAt { return (type, call) }
      }
      return (.prose, nil)
    }
  }
}
