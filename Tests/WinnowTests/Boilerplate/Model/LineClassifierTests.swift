import Foundation
import Testing

@testable import Winnow

/// The weights file of `scripts/train_boilerplate.py`: how it is read, what it predicts, and
/// the files it refuses.
@Suite struct LineClassifierTests {
  static let features = "features " + LineFeatures.names.joined(separator: " ")
  static let context = "context " + LineClassifier.contextNames.joined(separator: " ")

  /// A decider of two stumps: the first on `ends_sentence` (log-odds -2.5 without a stop,
  /// +2.5 with one), the second on the line's own first probability (`p_self`, -3 below one
  /// half, +3 above), plus `secondBias`.
  static func stump(secondBias: Double = 0) -> String {
    let feature = LineFeatures.names.firstIndex(of: "ends_sentence")!
    return """
      # a stump
      \(features)
      \(context)
      decide_with second
      drop_below 0.5
      keep_above 0.5
      keep_groups scoreDrop zoneDrop
      model first
      bias 0
      tree
      node \(feature) 0.5 1 2 0
      node -1 0 -1 -1 -2.5
      node -1 0 -1 -1 2.5
      model second
      bias \(secondBias)
      tree
      node \(LineFeatures.count) 0.5 1 2 0
      node -1 0 -1 -1 -3
      node -1 0 -1 -1 3
      """
  }

  static func row(endsSentence: Bool) -> ArraySlice<Float> {
    var row = [Float](repeating: 0, count: LineFeatures.count)
    row[LineFeatures.names.firstIndex(of: "ends_sentence")!] = endsSentence ? 1 : 0
    return row[...]
  }

  @Test func readsBothModelsAndTheThreshold() throws {
    let model = try LineClassifier(text: Self.stump(secondBias: 0.25))
    #expect(model.decidesWithSecond)
    #expect(model.dropBelow == 0.5 && model.keepAbove == 0.5)
    #expect(model.keepGroups == [.scoreDrop, .zoneDrop])
    #expect(model.first.depth == 1)
    #expect(
      model.first.splitFeatures == [Int32(LineFeatures.names.firstIndex(of: "ends_sentence")!)])
    #expect(model.first.leafValues == [-2.5, 2.5])
    #expect(model.second.bias == 0.25)
    #expect(model.second.width == LineFeatures.count + LineClassifier.contextNames.count)
    #expect(model.second.splitFeatures == [Int32(LineFeatures.count)])
  }

  /// A tree whose left child is a leaf and whose right child splits again: laid out complete,
  /// the leaf's value stands under both of its padded children.
  @Test func shallowLeavesArePaddedToTheDeepestLevel() throws {
    let bullet = LineFeatures.names.firstIndex(of: "bullet")!
    let text = Self.stump().replacing(
      "node -1 0 -1 -1 2.5",
      with: "node \(bullet) 0.5 3 4 0\nnode -1 0 -1 -1 1\nnode -1 0 -1 -1 4")
    let model = try LineClassifier(text: text).first
    #expect(model.depth == 2)
    #expect(model.leafValues == [-2.5, -2.5, 1, 4])
    for (endsSentence, isBullet, leaf) in [(false, false, -2.5), (true, false, 1), (true, true, 4)]
    {
      var row = Array(Self.row(endsSentence: endsSentence))
      row[bullet] = isBullet ? 1 : 0
      #expect(abs(model.probability(row[...]) - 1 / (1 + exp(-leaf))) < 1e-9)
    }
  }

  @Test func probabilityIsTheLogisticOfBiasPlusLeaves() throws {
    let model = try LineClassifier(text: Self.stump()).first
    #expect(abs(model.probability(Self.row(endsSentence: true)) - 1 / (1 + exp(-2.5))) < 1e-9)
    #expect(abs(model.probability(Self.row(endsSentence: false)) - 1 / (1 + exp(2.5))) < 1e-9)
  }

  @Test func builtInModelLoadsAndKnowsTheFeatures() {
    let model = LineClassifier.builtIn
    #expect(model.dropBelow <= model.keepAbove)
    #expect(model.first.width == LineFeatures.count)
    #expect(model.first.treeCount > 0 && model.second.treeCount > 0)
  }

  struct BadFile: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let text: String
    let message: String
  }

  static let badFiles: [BadFile] = [
    BadFile(
      testDescription: "features of another build",
      text: stump().replacing(features, with: "features a b"),
      message: "features"),
    BadFile(
      testDescription: "context of another build",
      text: stump().replacing(context, with: "context p"),
      message: "context"),
    BadFile(
      testDescription: "node pointing back",
      text: stump().replacing("node -1 0 -1 -1 2.5", with: "node 0 0.5 0 0 0"),
      message: "outside its tree"),
    BadFile(
      testDescription: "first model reading the context",
      text: stump().replacing(
        "node \(LineFeatures.names.firstIndex(of: "ends_sentence")!) 0.5",
        with: "node \(LineFeatures.count) 0.5"),
      message: "outside its tree or its row"),
    BadFile(
      testDescription: "missing threshold",
      text: stump().replacing("drop_below 0.5\n", with: ""), message: "drop_below"),
    BadFile(
      testDescription: "unknown decider",
      text: stump().replacing("decide_with second", with: "decide_with third"),
      message: "decide_with"),
    BadFile(
      testDescription: "bringing back the title",
      text: stump().replacing("keep_groups scoreDrop", with: "keep_groups title"),
      message: "'title' cannot be in 'keep_groups'"),
    BadFile(
      testDescription: "no second model",
      text: String(stump().split(separator: "model second")[0]),
      message: "model second"),
    BadFile(
      testDescription: "short node",
      text: stump().replacing("node -1 0 -1 -1 -2.5", with: "node -1 0"),
      message: "line 12"),
  ]

  @Test(arguments: badFiles) func refusesBadFiles(_ file: BadFile) {
    #expect {
      _ = try LineClassifier(text: file.text)
    } throws: { error in
      "\(error)".contains(file.message)
    }
  }

  @Test func settingNamesUnreadableFile() {
    var settings = DefaultBoilerplate.settings
    settings.lineModel = "/nonexistent/model.txt"
    let problems = settings.problems()
    #expect(problems.map(\.keyPath) == [["line_model"]])
    settings.lineModel = "off"
    #expect(settings.problems().isEmpty)
  }
}
