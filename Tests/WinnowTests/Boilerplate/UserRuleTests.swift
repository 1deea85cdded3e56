import Foundation
import Testing

@testable import Winnow

/// User rules from the config: each action, the language and source scopes, and a regex that
/// would backtrack for ever.
@Suite struct UserRuleTests {
  static let paragraph =
    "The ministers met on Tuesday to discuss the plan, which would change how the two "
    + "countries share information about missile launches in the region."
  static let page = [
    paragraph, "Sponsored: buy our gadget now", paragraph, "Tweet", paragraph,
  ].joined(separator: "\n")

  static func settings(_ rules: [RuleSpec]) -> BoilerplateSettings {
    var settings = DefaultBoilerplate.settings
    settings.rules = rules
    return settings
  }

  static func run(_ rules: [RuleSpec], text: String = page, source: String = "news/a.txt")
    throws -> (Page, CleaningReport)
  {
    try DefaultBoilerplate.run(text, source: source, settings: settings(rules))
  }

  @Test func dropLineByRegex() throws {
    let (page, report) = try Self.run([
      RuleSpec(id: "site.sponsored", kind: "promo", regex: "^Sponsored:", action: "drop-line")
    ])
    #expect(page.lines[1].verdict == Verdict(role: .dropped(.promo), rule: "site.sponsored"))
    #expect(report.removals.contains { $0.rule == "site.sponsored" && $0.line == 2 })
  }

  @Test func dropLineByPhrases() throws {
    let (page, _) = try Self.run([
      RuleSpec(id: "site.gadget", kind: "promo", phrases: ["buy our gadget"], action: "drop-line")
    ])
    #expect(page.lines[1].verdict?.rule == "site.gadget")
  }

  @Test func keepLineOverridesABuiltInDrop() throws {
    let (page, report) = try Self.run([
      RuleSpec(id: "keep.tweet", kind: nil, regex: "^Tweet$", action: "keep-line")
    ])
    #expect(page.lines[3].verdict == Verdict(role: .content, rule: "keep.tweet"))
    #expect(!report.removals.contains { $0.line == 4 })
  }

  @Test func dropToEndDropsTheRest() throws {
    let (page, _) = try Self.run([
      RuleSpec(
        id: "site.tail", kind: "related-links", phrases: ["sponsored"], action: "drop-to-end")
    ])
    #expect(page.lines[0].verdict?.role == .content)
    #expect(page.lines[1...].allSatisfy { $0.verdict?.role == .dropped(.relatedLinks) })
    #expect(page.lines[2].verdict?.rule == "site.tail")
  }

  @Test func dropDocumentSetsTheReport() throws {
    let (_, report) = try Self.run([
      RuleSpec(id: "spam", kind: "junk", regex: "gadget", action: "drop-document")
    ])
    #expect(report.documentDropRule == "spam")
  }

  @Test func languageScope() throws {
    let german = RuleSpec(
      id: "de.only", kind: "promo", phrases: ["sponsored"], action: "drop-line",
      languages: ["de"])
    #expect(try Self.run([german]).0.lines[1].verdict?.rule != "de.only")
    var english = german
    english.languages = ["en"]
    #expect(try Self.run([english]).0.lines[1].verdict?.rule == "de.only")
  }

  @Test func sourceScope() throws {
    let rule = RuleSpec(
      id: "news.only", kind: "promo", phrases: ["sponsored"], action: "drop-line",
      sources: ["news/*.txt"])
    #expect(try Self.run([rule], source: "news/a.txt").0.lines[1].verdict?.rule == "news.only")
    #expect(try Self.run([rule], source: "blog/a.txt").0.lines[1].verdict?.rule != "news.only")
  }

  @Test func catastrophicRegexTimesOutInsteadOfHanging() throws {
    let text = String(repeating: "a", count: 5000) + "b"
    let regex = try ICURegex("(a+)+$", timeLimit: 10)
    let matcher = regex.matcher()
    let start = Date()
    #expect(!matcher.matches(text))
    #expect(matcher.timeouts == 1)
    #expect(Date().timeIntervalSince(start) < 5)
    // And through the stage: the line is simply not matched.
    var settings = Self.settings([
      RuleSpec(id: "slow", kind: "junk", regex: "(a+)+$", action: "drop-line")
    ])
    settings.regexTimeLimit = 10
    let (page, _) = try DefaultBoilerplate.run(text, settings: settings)
    #expect(page.lines[0].verdict?.rule != "slow")
  }

  @Test func regexMatchesAnywhereAndHonoursFlags() throws {
    let regex = try ICURegex("(?i)subscribe", timeLimit: 100)
    #expect(regex.matcher().matches("Please SUBSCRIBE today"))
    #expect(!regex.matcher().matches("Please read on"))
    let han = try ICURegex("\\p{Han}{2}", timeLimit: 100)
    #expect(han.matcher().matches("President 尹尹 said"))
  }
}
