import Foundation
import Testing

@testable import Winnow

/// The weights file of `scripts/train_boilerplate.py`: how it is read, what it predicts, and
/// the files it refuses.
@Suite struct LineClassifierTests {
  static let features = "features " + LineFeatures.names.joined(separator: " ")

  /// A model of one stump on `ends_sentence`: log-odds -2 without a stop, +3 with one.
  static func stump(drop: String = "content heading", keep: String = "scoreDrop") -> String {
    let feature = LineFeatures.names.firstIndex(of: "ends_sentence")!
    return """
      # a stump
      \(features)
      bias 0.5
      drop_below 0.3
      drop_groups \(drop)
      keep_above 0.9
      keep_groups \(keep)
      tree
      node \(feature) 0.5 1 2 0
      node -1 0 -1 -1 -2.5
      node -1 0 -1 -1 2.5
      """
  }

  static func row(endsSentence: Bool) -> ArraySlice<Float> {
    var row = [Float](repeating: 0, count: LineFeatures.count)
    row[LineFeatures.names.firstIndex(of: "ends_sentence")!] = endsSentence ? 1 : 0
    return row[...]
  }

  @Test func readsHeaderAndTrees() throws {
    let model = try LineClassifier(text: Self.stump())
    #expect(model.bias == 0.5)
    #expect(model.dropBelow == 0.3)
    #expect(model.keepAbove == 0.9)
    #expect(model.dropGroups == [.content, .heading])
    #expect(model.keepGroups == [.scoreDrop])
    #expect(model.depth == 1)
    #expect(model.splitFeatures == [Int32(LineFeatures.names.firstIndex(of: "ends_sentence")!)])
    #expect(model.leafValues == [-2.5, 2.5])
  }

  /// A tree whose left child is a leaf and whose right child splits again: laid out complete,
  /// the leaf's value stands under both of its padded children.
  @Test func shallowLeavesArePaddedToTheDeepestLevel() throws {
    let bullet = LineFeatures.names.firstIndex(of: "bullet")!
    let text = Self.stump().replacing(
      "node -1 0 -1 -1 2.5",
      with: "node \(bullet) 0.5 3 4 0\nnode -1 0 -1 -1 1\nnode -1 0 -1 -1 4")
    let model = try LineClassifier(text: text)
    #expect(model.depth == 2)
    #expect(model.leafValues == [-2.5, -2.5, 1, 4])
    for (endsSentence, isBullet, leaf) in [(false, false, -2.5), (true, false, 1), (true, true, 4)]
    {
      var row = Array(Self.row(endsSentence: endsSentence))
      row[bullet] = isBullet ? 1 : 0
      #expect(abs(model.probability(row[...]) - 1 / (1 + exp(-(0.5 + leaf)))) < 1e-9)
    }
  }

  @Test func probabilityIsTheLogisticOfBiasPlusLeaves() throws {
    let model = try LineClassifier(text: Self.stump())
    #expect(abs(model.probability(Self.row(endsSentence: true)) - 1 / (1 + exp(-3.0))) < 1e-9)
    #expect(abs(model.probability(Self.row(endsSentence: false)) - 1 / (1 + exp(2.0))) < 1e-9)
  }

  @Test func builtInModelLoadsAndKnowsTheFeatures() {
    let model = LineClassifier.builtIn
    #expect(model.dropGroups.isSubset(of: [.content, .heading]))
    #expect(model.keepGroups.isDisjoint(with: [.content, .heading, .title, .meta]))
    #expect((0...1).contains(model.dropBelow) && model.dropBelow < model.keepAbove)
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
      testDescription: "node pointing back",
      text: stump().replacing("node -1 0 -1 -1 2.5", with: "node 0 0.5 0 0 0"),
      message: "outside its tree"),
    BadFile(
      testDescription: "unknown group", text: stump(drop: "content everything"),
      message: "everything"),
    BadFile(
      testDescription: "keeping the title", text: stump(keep: "title"), message: "title"),
    BadFile(
      testDescription: "missing threshold", text: stump().replacing("drop_below 0.3\n", with: ""),
      message: "drop_below"),
    BadFile(
      testDescription: "short node",
      text: stump().replacing("node -1 0 -1 -1 -2.5", with: "node -1 0"),
      message: "line 10"),
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
