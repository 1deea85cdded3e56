import Foundation
import Testing

@Suite struct ExplainTests {
  @Test func everyLineIsListedWithItsVerdict() throws {
    let tree = try TemporaryDirectory()
    let page = try tree.file(
      "page.txt", "A first paragraph of text.\n\nA second paragraph of text.\n")
    let result = try Winnow.run(["explain", page])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast()
    #expect(lines.count == 4)
    #expect(lines[3] == "-- kept 2 of 3 lines")
    #expect(lines[0].hasPrefix("    1 keep "))
    #expect(lines[0].hasSuffix("| A first paragraph of text."))
    #expect(lines[1].hasPrefix("    2 blank"))
    #expect(lines[2].hasSuffix("| A second paragraph of text."))
    #expect(!result.stdoutText.contains("\u{1B}["), "no colour when stdout is not a terminal")
  }

  /// Issue 4: a repaired line is shown before and after its repairs.
  @Test func repairedLineShowsWhatItWasBefore() throws {
    let tree = try TemporaryDirectory()
    let page = try tree.file(
      "page.txt", "CafÃ© au lait &amp; more is served every morning at the station.\n")
    let result = try Winnow.run(["explain", page])
    let lines = result.stdoutText.split(separator: "\n")
    #expect(lines[0].hasSuffix("| Café au lait & more is served every morning at the station."))
    #expect(
      lines[1].hasSuffix(
        "repaired from | CafÃ© au lait &amp; more is served every morning at the station."))
  }

  @Test func colourOnRequest() throws {
    let tree = try TemporaryDirectory()
    let page = try tree.file("page.txt", "Text of the page.\n")
    let result = try Winnow.run(["explain", page, "--color", "always"])
    #expect(result.stdoutText.contains("\u{1B}[32m"))
  }

  @Test func missingFileFailsWithItsName() throws {
    let result = try Winnow.run(["explain", "/no/such/page.txt"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("/no/such/page.txt"))
  }
}
