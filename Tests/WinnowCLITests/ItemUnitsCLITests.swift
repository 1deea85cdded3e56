import Foundation
import Testing

/// `context.item-units` through the CLI: a shop's listing page (fixtures/pages/camera-grid.txt:
/// a menu, a title, a line of text, ten cameras each a unit of a name, a price, "Add to Cart"
/// and "Compare", social links) keeps the cameras' names in the record's text and drops the
/// menu and the links, with the rules alone (where the rule is what brings the names back, as
/// `winnow explain` shows, and the units' markers stay dropped) and with the default models.
@Suite struct ItemUnitsCLITests {
  static let page = ExplainHTMLTests.fixture("pages/camera-grid.txt")
  static let chrome = ["Home", "Cameras", "Lenses", "Deals", "Contact", "Facebook", "Instagram"]
  static let markers = ["Add to Cart", "Compare"]

  /// The page's lines that name a camera.
  static func names() throws -> [String] {
    try String(contentsOfFile: page, encoding: .utf8).split(separator: "\n")
      .filter { $0.contains(" Camera") }.map(String.init)
  }

  @Test(arguments: [false, true]) func theNamesAreKeptAndTheChromeDropped(rulesOnly: Bool)
    throws
  {
    let kept = try CleanedPage.keptLines(of: Self.page, rulesOnly: rulesOnly)
    let names = try Self.names()
    #expect(names.count == 10)
    for name in names { #expect(kept.contains(Array(name.utf8)), "\(name)") }
    for chrome in Self.chrome { #expect(!kept.contains(Array(chrome.utf8)), "\(chrome)") }
    if rulesOnly {
      for marker in Self.markers { #expect(!kept.contains(Array(marker.utf8)), "\(marker)") }
    }
  }

  @Test func explainNamesTheRuleOnEachName() throws {
    #expect(
      try CleanedPage.rulesOnlyExplainKeeps(
        try Self.names(), by: "context.item-units", page: Self.page))
  }
}
