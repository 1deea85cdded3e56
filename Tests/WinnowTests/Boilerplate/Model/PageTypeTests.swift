import Foundation
import Testing

@testable import Winnow

/// The page-type model: its features (the shape of the whole page, dropped lines included),
/// its file, and what the line decider does on a page it calls forum or items.
@Suite struct PageTypeTests {
  static let sentence = LineClassifierPassTests.sentence

  /// A title, a sentence, then a run of short items (name, price) the rules drop as a menu.
  static let listing =
    (["Garden chairs and tables", sentence]
    + (1...12).flatMap { ["Folding chair model \($0)", "$\(10 + $0).99"] }).joined(separator: "\n")

  static func analysis(_ text: String) throws -> LineFeatures {
    var settings = DefaultBoilerplate.settings
    settings.lineModel = "off"
    let (page, _) = try DefaultBoilerplate.run(text, settings: settings)
    let lines: [LineContext?] = page.lines.map {
      $0.text.isEmpty ? nil : LineContext($0.text, lexicons: Lexicons.builtIn)
    }
    return LineFeatures(
      lines: lines, classes: lines.map { $0 == nil ? nil : .short },
      verdicts: page.lines.map(\.verdict),
      language: PageLanguage(lines: lines, lexicons: Lexicons.builtIn))
  }

  @Test func featuresAreMeansOverAllDroppedAndKeptLines() throws {
    let page = try Self.analysis(Self.listing)
    let walk = PageRowWalk(
      page: page, model: LineClassifier.builtIn.first,
      scoredGroups: VerdictGroup.allCases.map { _ in false }, pageType: true)
    let values = try #require(walk.pageTypeValues)
    #expect(walk.first.allSatisfy { $0.isNaN })
    #expect(values.count == PageTypeFeatures.count)
    #expect(PageTypeFeatures.count == 3 * (LineFeatures.count + 2) + 1)
    #expect(Set(PageTypeFeatures.names).count == PageTypeFeatures.count)
    let rows = page.summaries.indices.map { rank in
      var row = [Float](repeating: 0, count: LineFeatures.count)
      row.withUnsafeMutableBufferPointer { page.write(rank: rank, into: $0) }
      return row
    }
    let kept = page.summaries.map(\.kept)
    let size = LineFeatures.names.firstIndex(of: "log_size")!
    func value(_ name: String) -> Float {
      values[PageTypeFeatures.names.firstIndex(of: name)!]
    }
    func mean(_ pick: (Int) -> Bool, _ of: (Int) -> Float) -> Float {
      let ranks = rows.indices.filter(pick)
      return Float(ranks.reduce(0.0) { $0 + Double(of($1)) } / Double(max(1, ranks.count)))
    }
    #expect(kept.contains(true) && kept.contains(false))
    #expect(value("all_log_size") == mean({ _ in true }, { rows[$0][size] }))
    #expect(value("dropped_log_size") == mean({ !kept[$0] }, { rows[$0][size] }))
    #expect(value("kept_log_size") == mean({ kept[$0] }, { rows[$0][size] }))
    #expect(
      value("kept_line_share") == Float(kept.filter { $0 }.count) / Float(kept.count))
    // Items alternate two sizes: the size two lines back is the same, one back differs.
    let previous = LineFeatures.names.firstIndex(of: "previous_log_size")!
    #expect(
      value("all_size_step1") == mean({ _ in true }, { abs(rows[$0][size] - rows[$0][previous]) }))
    #expect(value("all_size_step2") < value("all_size_step1"))
  }

  /// The walk writes each row once, in blocks: a page longer than a block gets, for each
  /// line of a scored group, exactly the probability its own row gives alone (the walk scores
  /// a block's rows together), and NaN elsewhere.
  @Test func walkScoresTheLinesOfScoredGroupsAsOneRowAtATime() throws {
    let text = (1...3).map { _ in Self.listing }.joined(separator: "\n")
    let page = try Self.analysis(text)
    #expect(page.summaries.count > PageRowWalk.blockLines)
    let model = LineClassifier.builtIn.first
    let scored = VerdictGroup.allCases.map(\.isKept)
    let walk = PageRowWalk(page: page, model: model, scoredGroups: scored, pageType: false)
    #expect(walk.pageTypeValues == nil)
    for (rank, summary) in page.summaries.enumerated() {
      guard summary.group.isKept else {
        #expect(walk.first[rank].isNaN)
        continue
      }
      var row = [Float](repeating: 0, count: LineFeatures.count)
      row.withUnsafeMutableBufferPointer { page.write(rank: rank, into: $0) }
      #expect(walk.first[rank] == model.probability(row[...]))
    }
    #expect(page.summaries.contains { $0.group.isKept })
    #expect(page.summaries.contains { !$0.group.isKept })
  }

  /// A model file whose items model calls every page whose dropped lines average more than
  /// `threshold` in `dropped_log_short_run`, with a policy that brings back every dropped
  /// line of the content score and the zones; forum is never called.
  static func itemsModel(threshold: Double = 0.5) -> String {
    let feature = PageTypeFeatures.names.firstIndex(of: "dropped_log_short_run")!
    return """
      features \(PageTypeFeatures.names.joined(separator: " "))
      type forum off
      type items call_at 0.5 drop_below 0 keep_above 0 keep_groups scoreDrop zoneDrop
      model items
      bias 0
      tree
      node \(feature) \(threshold) 1 2 0
      node -1 0 -1 -1 -5
      node -1 0 -1 -1 5
      """
  }

  /// `itemsModel` with an own line model for items that gives every line the log-odds
  /// `leaf` of being text, and a policy that trusts it both ways at one half.
  static func itemsModelWithOwnLines(leaf: Double) -> String {
    itemsModel().replacing("drop_below 0 keep_above 0", with: "drop_below 0.5 keep_above 0.5")
      .replacing(
        "features ", with: "line_features \(LineFeatures.names.joined(separator: " "))\nfeatures ")
        + """

        model items_lines
        bias 0
        tree
        node -1 0 -1 -1 \(leaf)
        """
  }

  @Test func readsTypesAndPolicies() throws {
    let model = try PageTypeModel(text: Self.itemsModel())
    #expect(model.calls.map(\.type) == [.items])
    let call = try #require(model.calls.first?.call)
    #expect(call.callAt == 0.5)
    #expect(
      call.policy == KeepPolicy(dropBelow: 0, keepAbove: 0, keepGroups: [.scoreDrop, .zoneDrop]))
    #expect(call.model.width == PageTypeFeatures.count)
  }

  /// A type's tiers: a page takes the policy of the surest tier its probability reaches,
  /// whatever order the file lists them in.
  @Test func aSurerTierTakesThePagesItReaches() throws {
    let mild = "type items call_at 0.4 drop_below 0 keep_above 0 keep_groups scoreDrop"
    let sure = "type items call_at 0.9 drop_below 0.2 keep_above 0.3 keep_groups scoreDrop zoneDrop"
    let text = Self.itemsModel()
      .replacing("node -1 0 -1 -1 -5", with: "node -1 0 -1 -1 0")  // below: one half
      .replacing(
        "type items call_at 0.5 drop_below 0 keep_above 0 keep_groups scoreDrop zoneDrop",
        with: mild + "\n" + sure)
    let model = try PageTypeModel(text: text)
    #expect(model.calls.map(\.call.callAt) == [0.9, 0.4])
    let feature = PageTypeFeatures.names.firstIndex(of: "dropped_log_short_run")!
    var values = [Float](repeating: 0, count: PageTypeFeatures.count)
    let unsure = model.classify(values)
    #expect(unsure.type == .items)
    #expect(unsure.call?.policy == KeepPolicy(dropBelow: 0, keepAbove: 0, keepGroups: [.scoreDrop]))
    values[feature] = 1
    let surely = model.classify(values)
    #expect(surely.type == .items)
    #expect(
      surely.call?.policy
        == KeepPolicy(dropBelow: 0.2, keepAbove: 0.3, keepGroups: [.scoreDrop, .zoneDrop]))
  }

  @Test func readsATypesOwnLineModel() throws {
    let plain = try #require(try PageTypeModel(text: Self.itemsModel()).calls.first?.call)
    #expect(plain.lines == nil)
    let own = try #require(
      try PageTypeModel(text: Self.itemsModelWithOwnLines(leaf: 5)).calls.first?.call)
    #expect(own.lines?.width == LineFeatures.count)
    #expect {
      _ = try PageTypeModel(
        text: Self.itemsModelWithOwnLines(leaf: 5).replacing(
          "line_features log_size", with: "line_features size"))
    } throws: { error in
      "\(error)".contains("line_features")
    }
  }

  /// On a page called items, the type's own line model decides in place of the line
  /// decider: sure of every line, the items come back; sure of none, the kept lines go too.
  @Test func ownLineModelDecidesOnPagesOfItsType() throws {
    let (sure, sureReport) = try Self.run(
      Self.listing, pageTypes: Self.itemsModelWithOwnLines(leaf: 5))
    #expect(sureReport.pageType == .items)
    let back = sure.lines.filter { $0.verdict?.rule == PageType.items.rule }
    #expect(back.count >= 10)
    #expect(back.allSatisfy { $0.verdict?.role.isKept == true })
    let (none, _) = try Self.run(Self.listing, pageTypes: Self.itemsModelWithOwnLines(leaf: -5))
    let sentence = try #require(none.lines.first { $0.text == Self.sentence })
    #expect(sentence.verdict?.role.isKept == false)
    #expect(sentence.verdict?.rule == PageType.items.rule)
  }

  @Test func refusesFilesOfAnotherBuildOrWithoutPolicy() {
    let model = Self.itemsModel()
    for (text, message) in [
      (model.replacing("features all_log_size", with: "features size"), "features"),
      (model.replacing("call_at 0.5 ", with: ""), "call_at"),
      (model.replacing("type forum off", with: "type prose off"), "forum or items"),
      (model.replacing("keep_groups scoreDrop", with: "keep_groups title"), "title"),
    ] {
      #expect {
        _ = try PageTypeModel(text: text)
      } throws: { error in
        "\(error)".contains(message)
      }
    }
  }

  @Test func builtInModelLoadsBothTypes() {
    let model = PageTypeModel.builtIn
    #expect(Set(model.calls.map(\.type)) == [.forum, .items])
    #expect(model.calls.first?.type == .items)
  }

  /// Runs the stage with the built-in line model and `pageTypes` written to a file.
  static func run(_ text: String, pageTypes: String) throws -> (Page, CleaningReport) {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("winnow-page-type-\(UUID().uuidString).txt").path
    try pageTypes.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var settings = DefaultBoilerplate.settings
    settings.pageTypes = path
    return try DefaultBoilerplate.run(text, settings: settings)
  }

  /// On a page called items the decider follows the items policy: the short items come back
  /// with the type's rule; a page not called keeps the line model's verdicts.
  @Test func itemPagePolicyBringsBackTheItemsWithItsRule() throws {
    var settings = DefaultBoilerplate.settings
    settings.pageTypes = "off"
    let (before, plain) = try DefaultBoilerplate.run(Self.listing, settings: settings)
    #expect(plain.pageType == nil)
    let droppedBefore = before.lines.filter { $0.verdict?.role.isKept == false }.count
    #expect(droppedBefore > 10)
    let (page, report) = try Self.run(Self.listing, pageTypes: Self.itemsModel())
    #expect(report.pageType == .items)
    let back = page.lines.filter { $0.verdict?.rule == PageType.items.rule }
    #expect(back.count >= 10)
    #expect(back.allSatisfy { $0.verdict?.role.isKept == true })
    #expect(PageType.items.rule == "model.page-type.items")
    let (prose, proseReport) = try Self.run(Self.listing, pageTypes: Self.itemsModel(threshold: 9))
    #expect(proseReport.pageType == .prose)
    #expect(!prose.lines.contains { $0.verdict?.rule == PageType.items.rule })
    #expect(prose.lines.map(\.verdict) == before.lines.map(\.verdict))
  }

  @Test func settingNamesUnreadableFile() {
    var settings = DefaultBoilerplate.settings
    settings.pageTypes = "/nonexistent/types.txt"
    #expect(settings.problems().map(\.keyPath) == [["page_types"]])
    settings.pageTypes = "off"
    #expect(settings.problems().isEmpty)
  }
}
