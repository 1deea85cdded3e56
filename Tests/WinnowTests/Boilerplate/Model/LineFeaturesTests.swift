import Foundation
import Testing

@testable import Winnow

/// The classifier's features: names and rows agree, and the shapes they read.
@Suite struct LineFeaturesTests {
  struct Shape: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let text: String
    let linkLike: Bool
    let separators: Int
  }

  static let shapes: [Shape] = [
    Shape(testDescription: "plain", text: "The plan was agreed.", linkLike: false, separators: 0),
    Shape(
      testDescription: "address", text: "see https://example.org", linkLike: true, separators: 0),
    Shape(testDescription: "www", text: "www.example.org", linkLike: true, separators: 0),
    Shape(testDescription: "dot com", text: "Example.com", linkLike: true, separators: 0),
    Shape(testDescription: "mail", text: "write to a@b", linkLike: true, separators: 0),
    Shape(testDescription: "menu", text: "Home | News | Sport", linkLike: false, separators: 2),
    Shape(testDescription: "crumbs", text: "Home › News » Sport", linkLike: false, separators: 2),
    Shape(testDescription: "dots", text: "A · B • C", linkLike: false, separators: 2),
  ]

  @Test(arguments: shapes) func lineShape(_ shape: Shape) {
    let found = LineShape(Substring(shape.text))
    #expect(found.linkLike == shape.linkLike)
    #expect(found.separators == shape.separators)
  }

  @Test func rowsHaveOneValuePerNameAndZerosForBlankLines() throws {
    let text =
      "Title of the page here\n\nThe plan was agreed by all of the ministers today.\n•  Home"
    let stage = try BoilerplateStage(settings: DefaultBoilerplate.settings)
    let page = Page(
      source: "a.txt",
      decoded: DecodedText(text: text, encoding: "UTF-8", confidence: 1, invalidBytes: 0))
    let rows = stage.lineFeatures(of: page)
    #expect(rows.map(\.line) == [1, 3, 4])
    #expect(rows.allSatisfy { $0.values.count == LineFeatures.count })
    let names = LineFeatures.names
    let bullet = try #require(names.firstIndex(of: "bullet"))
    let ends = try #require(names.firstIndex(of: "ends_sentence"))
    #expect(rows.map { $0.values[bullet] } == [0, 0, 1])
    #expect(rows.map { $0.values[ends] } == [0, 1, 0])
    #expect(Set(names).count == names.count)
  }

  /// The main block is the run of kept lines with the most tokens net of dropped ones; runs
  /// of short lines are counted on each of their lines.
  @Test func mainBlockAndShortRuns() throws {
    let sentence =
      "The ministers met on Tuesday to discuss the plan, which would change how the two "
      + "countries share information about missile launches in the region."
    let text = ["Home", "News", "Sport", sentence, sentence, "Share on Facebook"]
      .joined(separator: "\n")
    var settings = DefaultBoilerplate.settings
    settings.lineModel = "off"
    let stage = try BoilerplateStage(settings: settings)
    let page = Page(
      source: "a.txt",
      decoded: DecodedText(text: text, encoding: "UTF-8", confidence: 1, invalidBytes: 0))
    let rows = stage.lineFeatures(of: page)
    let names = LineFeatures.names
    let inBlock = try #require(names.firstIndex(of: "in_block"))
    let shortRun = try #require(names.firstIndex(of: "log_short_run"))
    #expect(rows.map { $0.values[inBlock] } == [0, 0, 0, 1, 1, 0])
    #expect(rows.map { $0.values[shortRun] } == [3, 3, 3, 0, 0, 1].map { log1p(Float($0)) })
  }
}
