import Foundation
import Testing

/// The page-type model through the CLI: a shop's listing page (fixtures/pages/listing.txt,
/// written for this test: a menu, a title, a line of text, sixteen items of name, detail and
/// price, pagination and a footer) is called `items`; the record says so and the lines the
/// type's policy brought back carry its rule; with `page_types: off` they stay dropped.
@Suite struct PageTypeCLITests {
  static let page = ExplainHTMLTests.fixture("pages/listing.txt")

  static func record(_ arguments: [String] = []) throws -> [String: Any] {
    let result = try Winnow.run(
      ["clean", page, "--explain", "--progress", "never"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(result.records.first)
  }

  @Test func listingIsCalledItemsAndKeepsMoreOfItsItems() throws {
    let typed = try #require(try Self.record()["winnow"] as? [String: Any])
    #expect(typed["page_type"] as? String == "items")
    let tree = try TemporaryDirectory()
    let off = try tree.file("off.yaml", "boilerplate:\n  page_types: \"off\"\n")
    let plain = try #require(try Self.record(["--config", off])["winnow"] as? [String: Any])
    #expect(plain["page_type"] == nil)
    let typedKept = try #require(typed["lines_kept"] as? Int)
    let plainKept = try #require(plain["lines_kept"] as? Int)
    #expect(typedKept > plainKept + 5)
  }

  @Test func explainShowsTheTypeAndTheRuleOfTheLinesItChanged() throws {
    let result = try Winnow.run(["explain", Self.page])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdoutText.split(separator: "\n")
    #expect(lines.last?.contains("; page type items;") == true)
    let changed = lines.filter { $0.contains(" model.page-type.items ") }
    #expect(changed.count >= 5)
    #expect(changed.allSatisfy { $0.contains(" keep ") })
    #expect(lines.contains { $0.hasSuffix("| Two doors, hanging rail") && $0.contains(" keep ") })
  }
}
