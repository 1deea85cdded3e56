import Foundation
import Testing

/// `context.item-link` through the CLI: a news listing (fixtures/pages/readmore.txt: a menu, a
/// title, an intro, six items of a headline, a teaser paragraph and "Read more", a footer)
/// keeps every teaser in the record's text, with the rules alone and with the default models;
/// before the rule, the first "Read more" opened a related zone that dropped the five teasers
/// after it. `winnow explain` names the rule on each link.
@Suite struct ItemLinkCLITests {
  static let page = ExplainHTMLTests.fixture("pages/readmore.txt")

  /// The teasers: the lines of more than 100 characters after the intro.
  static func teasers() throws -> [[UInt8]] {
    let long = try String(contentsOfFile: page, encoding: .utf8).split(separator: "\n")
      .filter { $0.utf8.count > 100 }
    return long.dropFirst().map { Array($0.utf8) }
  }

  @Test(arguments: [false, true]) func everyTeaserIsKept(rulesOnly: Bool) throws {
    let kept = try CleanedPage.keptLines(of: Self.page, rulesOnly: rulesOnly)
    let teasers = try Self.teasers()
    #expect(teasers.count == 6)
    for teaser in teasers { #expect(kept.contains(teaser)) }
    #expect(!kept.contains(Array("Read more".utf8)))
  }

  @Test func explainNamesTheRuleOnEachLink() throws {
    let result = try Winnow.run(["explain", Self.page])
    #expect(result.status == 0, "\(result.stderr)")
    let links = result.stdoutText.split(separator: "\n").filter { $0.hasSuffix("| Read more") }
    #expect(links.count == 6)
    #expect(links.allSatisfy { !$0.contains(" keep ") && $0.contains(" context.item-link ") })
  }
}
