import Testing

@testable import Winnow

/// `context.list-zone`: a "Top Stories" header above a listing's headlines opened a related
/// zone over all of them (`context.zone`); on a page that kept only a title and a short intro,
/// the zone is the list and its headlines come back, the header stays dropped. With an
/// article's paragraphs above or under it, or when the zone is small beside the kept text, the
/// same zone stays related links.
@Suite struct ListZoneRuleTests {
  static let title = "Science news from around the world"
  static let intro =
    "Our reporters follow research in physics, biology and the climate, and this page gathers "
    + "their latest stories for you."
  static let header = "Top Stories"
  static let headlines = [
    "Astronomers find water vapour in the air of a distant rocky planet",
    "A new battery made of sodium charges in six minutes in the laboratory",
    "Coral reefs in the Pacific recover faster than expected after the heat wave",
    "The oldest known cave painting shows a hunting scene with wild pigs",
    "Bees learn to count to four when rewarded with sugar water",
    "A comet visible to the naked eye will pass the earth next spring",
    "Ancient grains found in a Roman fort reveal the soldiers' diet",
    "Engineers build a bridge printed from recycled plastic in the Netherlands",
    "Whales in the Atlantic change their songs every few years, study finds",
    "Deep sea mining could harm species we have not yet named, warn biologists",
    "The first crops grown in lunar soil sprout but grow slowly",
    "A robot hand learns to turn a cube by watching its own camera",
  ]

  /// The verdicts after the line decider of a page whose related zone (a header, then
  /// `zoneLines` dropped by `context.zone`) follows `kept` kept lines (the first one the
  /// title) and precedes `keptBelow`, and those after the rule.
  static func verdicts(kept: [String], zoneLines: [String], keptBelow: [String] = []) -> (
    lines: [String], before: [Verdict?], after: [Verdict?]
  ) {
    let lines = kept + [header] + zoneLines + keptBelow
    var before: [Verdict?] = [Verdict(role: .title, rule: "context.title")]
    before += kept.dropFirst().map { _ in Verdict(role: .content, rule: "model.line-classifier") }
    before.append(Verdict(role: .dropped(.relatedLinks), rule: "builtin.related-header"))
    before += zoneLines.map { _ in Verdict(role: .dropped(.relatedLinks), rule: ZoneRule.id) }
    before += keptBelow.map { _ in Verdict(role: .content, rule: "model.line-classifier") }
    var after = before
    ListZoneRule().apply(
      to: &after, lines: lines.map { LineContext($0, lexicons: .builtIn) })
    return (lines, before, after)
  }

  @Test func aZoneUnderAShortIntroIsTheList() throws {
    let (lines, before, after) = Self.verdicts(
      kept: [Self.title, Self.intro], zoneLines: Self.headlines)
    for headline in Self.headlines {
      let index = try #require(lines.firstIndex(of: headline))
      #expect(after[index] == Verdict(role: .content, rule: ListZoneRule.id))
    }
    let header = try #require(lines.firstIndex(of: Self.header))
    #expect(after[header] == before[header])
    #expect(after[..<header] == before[..<header])
  }

  @Test func relatedHeadlinesUnderAnArticleStayDropped() throws {
    let article = (1...3).map { "In part \($0) of the report, \(ContextPassTests.paragraph)" }
    #expect(ListZoneRuleTests.tokensOfRunningText(article) > ListZoneRule.maxRunningText)
    let (_, before, after) = Self.verdicts(kept: [Self.title] + article, zoneLines: Self.headlines)
    #expect(after == before)
  }

  /// A menu's zone above the article (the page's text under it) stays dropped too.
  @Test func aZoneAboveAnArticleStaysDropped() throws {
    let article = (1...3).map { "In part \($0) of the report, \(ContextPassTests.paragraph)" }
    let (_, before, after) = Self.verdicts(
      kept: [Self.title], zoneLines: Self.headlines, keptBelow: article)
    #expect(after == before)
  }

  /// A few headlines under a short intro are not most of the page's text: a sidebar's list.
  @Test func aSmallZoneBesideTheKeptTextStaysDropped() throws {
    let (_, before, after) = Self.verdicts(
      kept: [Self.title, Self.intro], zoneLines: Array(Self.headlines.prefix(2)))
    #expect(after == before)
  }

  static func tokensOfRunningText(_ lines: [String]) -> Int {
    lines.map { LineContext($0, lexicons: .builtIn).tokens.count }
      .filter { $0 >= ListZoneRule.runningTextTokens }.reduce(0, +)
  }
}
