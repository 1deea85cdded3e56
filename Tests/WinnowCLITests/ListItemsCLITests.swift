import Foundation
import Testing

/// `context.list-items` through the CLI: a club's listing page (fixtures/pages/trails.txt: a
/// menu, a title, a line of text, ten trails of name and details, social links) keeps its
/// trails in the record's text and drops the menu and the links, with the rules alone (where
/// the rule is what brings the trails back, as `winnow explain` shows) and with the default
/// models.
@Suite struct ListItemsCLITests {
  static let page = ExplainHTMLTests.fixture("pages/trails.txt")
  static let menu = ["Home", "Trails", "Events", "Membership", "Contact"]
  static let social = ["Facebook", "Instagram"]

  /// The page's lines that name a trail (a comma and a distance in miles).
  static func trails() throws -> [[UInt8]] {
    try String(contentsOfFile: page, encoding: .utf8).split(separator: "\n")
      .filter { $0.hasSuffix(" miles") }.map { Array($0.utf8) }
  }

  @Test(arguments: [false, true]) func theTrailsAreKeptAndTheChromeDropped(rulesOnly: Bool)
    throws
  {
    let kept = try CleanedPage.keptLines(of: Self.page, rulesOnly: rulesOnly)
    let trails = try Self.trails()
    #expect(trails.count == 10)
    for trail in trails { #expect(kept.contains(trail)) }
    for chrome in Self.menu + Self.social { #expect(!kept.contains(Array(chrome.utf8))) }
  }

  @Test func explainNamesTheRuleOnEachTrail() throws {
    #expect(
      try CleanedPage.rulesOnlyExplainKeeps(
        try Self.trails().map { String(decoding: $0, as: UTF8.self) }, by: "context.list-items",
        page: Self.page))
  }
}
