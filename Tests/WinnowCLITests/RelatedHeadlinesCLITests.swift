import Foundation
import Testing

/// `context.related-headlines` through the CLI: a news page (fixtures/pages/headlines.txt: a
/// menu, a title, four paragraphs, a share bar, seven headlines of other stories, a footer)
/// keeps its article in the record's text and drops the headlines, with the rules alone and
/// with the default models (whose line decider may bring back what the content score dropped,
/// but not related links); `winnow explain` names the rule on each headline.
@Suite struct RelatedHeadlinesCLITests {
  static let page = ExplainHTMLTests.fixture("pages/headlines.txt")

  /// The page's lines after the share bar's last button, up to the footer.
  static func headlines() throws -> [String] {
    let lines = try String(contentsOfFile: page, encoding: .utf8).split(separator: "\n")
    let start = try #require(lines.firstIndex(of: "Print")) + 1
    let end = try #require(lines.firstIndex(of: "Contact"))
    return lines[start..<end].map(String.init)
  }

  /// The article's paragraphs: the lines of more than 100 characters.
  static func paragraphs() throws -> [[UInt8]] {
    try String(contentsOfFile: page, encoding: .utf8).split(separator: "\n")
      .filter { $0.utf8.count > 100 }.map { Array($0.utf8) }
  }

  @Test(arguments: [false, true]) func theArticleIsKeptAndTheHeadlinesDropped(rulesOnly: Bool)
    throws
  {
    let kept = try CleanedPage.keptLines(of: Self.page, rulesOnly: rulesOnly)
    let paragraphs = try Self.paragraphs()
    #expect(paragraphs.count == 4)
    for paragraph in paragraphs { #expect(kept.contains(paragraph)) }
    let headlines = try Self.headlines()
    #expect(headlines.count == 7)
    for headline in headlines { #expect(!kept.contains(Array(headline.utf8)), "\(headline)") }
  }

  @Test func explainNamesTheRuleOnEachHeadline() throws {
    let result = try Winnow.run(["explain", Self.page])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdoutText.split(separator: "\n")
    for headline in try Self.headlines() {
      #expect(
        lines.contains {
          $0.hasSuffix("| \(headline)") && !$0.contains(" keep ")
            && $0.contains(" context.related-headlines ")
        }, "\(headline)")
    }
  }
}
