import Foundation
import Testing

@testable import Winnow

/// The context pass: title and its repeats, chrome above the title, deck lines, headings,
/// zones, and neighbours.
@Suite struct ContextPassTests {
  static let paragraph =
    "The ministers met on Tuesday to discuss the plan, which would change how the two "
    + "countries share information about missile launches in the region."
  static let otherParagraph =
    "Officials said the talks were useful, and that both sides expected to meet again in "
    + "the spring to review what had been done since the last meeting."

  /// The rules and the context pass alone, without the line classifier that revises them.
  static func run(_ text: String) throws -> (Page, CleaningReport) {
    var settings = DefaultBoilerplate.settings
    settings.lineModel = "off"
    return try DefaultBoilerplate.run(text, settings: settings)
  }

  static func roles(_ text: String) throws -> [LineRole?] {
    try Self.run(text).0.lines.map { $0.verdict?.role }
  }

  @Test func titleIsTheFirstHeadlineAboveTheBodyAndItsRepeatIsDropped() throws {
    let (page, report) = try Self.run(
      [
        "Site Name", "WORLD", "Ministers agree on a new plan for sharing missile data",
        "Ministers agree on a new plan for sharing missile data | Site Name",
        Self.paragraph, Self.otherParagraph,
      ].joined(separator: "\n"))
    #expect(page.title == "Ministers agree on a new plan for sharing missile data")
    #expect(
      page.lines.map { $0.verdict?.role } == [
        .dropped(.navigation), .dropped(.navigation), .title, .dropped(.duplicateTitle),
        .content, .content,
      ])
    #expect(report.removals.map(\.line) == [1, 2, 4])
    #expect(report.removals[2].rule == "context.duplicate-title")
  }

  @Test func noTitleWhenThePageStartsWithText() throws {
    let (page, _) = try Self.run(Self.paragraph + "\n" + Self.otherParagraph)
    #expect(page.title == nil)
    #expect(page.lines.map { $0.verdict?.role } == [.content, .content])
  }

  @Test func aLineHoldingTwoSentencesIsNoTitle() throws {
    let roles = try Self.roles(
      [
        "Site Name", "The talks went well so far. Both sides expect to meet again soon",
        Self.paragraph,
      ].joined(separator: "\n"))
    #expect(roles.first == .dropped(.navigation))
    #expect(roles.dropFirst().allSatisfy { $0?.isKept == true })
    #expect(
      ContextPass.holdsSentenceEnd("U.S. Defense Secretary to visit Mr. Kim in Seoul") == false)
  }

  @Test func aPageOfOneCutOffParagraphKeepsIt() throws {
    let line =
      "1. The talks have not changed anything so far. New drills are still rare, and the "
      + "ministers said that both sides"
    let (page, _) = try Self.run(line)
    #expect(page.title == nil)
    #expect(page.text == line)
  }

  @Test func theOneReadableLineOfAPageIsItsTextNotItsTitle() throws {
    let (page, report) = try Self.run(
      ["Home", "Ministers agree on a new plan for sharing missile data", "Share"]
        .joined(separator: "\n"))
    #expect(page.title == nil)
    #expect(page.text == "Ministers agree on a new plan for sharing missile data")
    #expect(page.lines.contains { $0.verdict?.rule == TitleOnlyRule.id })
    #expect(report.removals.count == 2)
  }

  @Test func deckLinesBetweenTitleAndBodyAreHeadings() throws {
    let roles = try Self.roles(
      [
        "Ministers agree on a new plan for sharing missile data",
        "Talks held in Seoul… more drills planned for the spring",
        Self.paragraph,
      ].joined(separator: "\n"))
    #expect(roles == [.title, .heading, .content])
  }

  @Test func shortLineBeforeTextIsAHeadingAndMenusAreDropped() throws {
    let roles = try Self.roles(
      [
        Self.paragraph, "", "A plan for the spring", Self.otherParagraph, "", "Home", "Sports",
        "Weather", "Contact",
      ].joined(separator: "\n"))
    #expect(
      roles == [
        .content, nil, .heading, .content, nil, .dropped(.navigation), .dropped(.navigation),
        .dropped(.navigation), .dropped(.navigation),
      ])
  }

  @Test func relatedZoneRunsToTheNextBlockOfText() throws {
    let (page, _) = try Self.run(
      [
        Self.paragraph, "Related Links", "Another story about missiles",
        Self.otherParagraph + " A teaser that reads like text.",
        "Subscribe to our newsletter", "More stories", Self.paragraph, Self.otherParagraph,
      ].joined(separator: "\n"))
    let verdicts = page.lines.map(\.verdict)
    #expect(verdicts[1]?.rule == "builtin.related-header")
    #expect(verdicts[2]?.role == .dropped(.relatedLinks))
    #expect(verdicts[3]?.role == .dropped(.relatedLinks))
    #expect(verdicts[3]?.rule == "context.zone")
    // A line with a kind of its own keeps it inside the zone.
    #expect(verdicts[4]?.role == .dropped(.promo))
    #expect(verdicts[6]?.role == .content)
    #expect(verdicts[7]?.role == .content)
  }

  /// "Read More" over two headlines inside the article, whose paragraphs are each under the
  /// site's label "Article content": the label parts no two paragraphs, so the zone closes
  /// at the first paragraph after the headlines. A label seen once, or seen only inside the
  /// zone (a teaser grid's category between teasers), is a line of the zone.
  @Test func relatedZoneClosesAtParagraphsPartedByARepeatedLabel() throws {
    let third =
      "The minister added that the agreement would be reviewed by both parliaments before "
      + "it takes effect, which could take several months."
    let article = [
      Self.paragraph, "Article content", Self.otherParagraph, "Read More",
      "1. Missiles fired over the border as tensions grow",
      "2. Seven challenges ahead for the new minister", "Article content", third,
      "Article content", Self.paragraph,
    ]
    let roles = try Self.roles(article.joined(separator: "\n"))
    #expect(roles[3] == .dropped(.relatedLinks))
    #expect(roles[4] == .dropped(.relatedLinks))
    #expect(roles[5] == .dropped(.relatedLinks))
    #expect(roles[7] == .content)
    #expect(roles[9] == .content)

    var once = article
    once[1] = "Sponsored"
    once[8] = "Opinion"
    let rolesOnce = try Self.roles(once.joined(separator: "\n"))
    #expect(rolesOnce[7] == .dropped(.relatedLinks))
    #expect(rolesOnce[9] == .dropped(.relatedLinks))

    var insideOnly = article + ["Article content", Self.otherParagraph]
    insideOnly[1] = "Sponsored"
    let rolesInside = try Self.roles(insideOnly.joined(separator: "\n"))
    #expect(rolesInside[7] == .dropped(.relatedLinks))
    #expect(rolesInside[9] == .dropped(.relatedLinks))
    #expect(rolesInside[11] == .dropped(.relatedLinks))
  }

  @Test func commentZoneRunsToTheEndThroughText() throws {
    let roles = try Self.roles(
      [
        Self.paragraph, Self.otherParagraph, "Comments", "1. Jane says:", Self.paragraph,
        Self.otherParagraph,
      ].joined(separator: "\n"))
    #expect(
      roles == [
        .content, .content, .dropped(.commentWidget), .dropped(.commentWidget),
        .dropped(.commentWidget), .dropped(.commentWidget),
      ])
  }

  @Test func commentLinksInARowAboveTheArticleOpenNoZone() throws {
    // "Comments: 0" / "Read Comments" / "Leave a Comment": one bar of comment links over
    // the article; the second link does not hide the article from the first.
    let article = [Self.paragraph, Self.otherParagraph, Self.paragraph, Self.otherParagraph]
    let lines =
      [Self.otherParagraph, "Share", "Comments: 0", "Read Comments", "Leave a Comment"]
      + article
    let roles = try Self.roles(lines.joined(separator: "\n"))
    #expect(roles[2] == .dropped(.commentWidget))
    #expect(roles.suffix(article.count).allSatisfy { $0 == .content })
  }

  @Test func commentCounterLabelOpensNoZone() throws {
    let roles = try Self.roles(
      [Self.paragraph, Self.otherParagraph, "Comments:", "1664", Self.paragraph].joined(
        separator: "\n"))
    #expect(roles[2] == .dropped(.commentWidget))
    #expect(roles[3] == .dropped(.counter))
    #expect(roles[4] == .content)
  }

  @Test(arguments: ["", "\n\n", "   ", "Home", "273 0 0\n\nTweet"])
  func degeneratePagesLeaveNoText(text: String) throws {
    let (page, report) = try Self.run(text)
    #expect(page.text.isEmpty)
    #expect(report.removals.count == page.lines.filter { !$0.isBlank }.count)
    #expect(page.lines.allSatisfy { $0.isBlank == ($0.verdict == nil) })
  }

  @Test func longRunsOfShortLinesCostLinearTime() throws {
    let menu = Array(repeating: "Menu item", count: 20_000)
    let text = ([Self.paragraph, Self.otherParagraph] + menu).joined(separator: "\n")
    let start = Date()
    let (page, _) = try Self.run(text)
    #expect(Date().timeIntervalSince(start) < 5)
    #expect(page.lines[1].verdict?.role == .content)
    #expect(page.lines[2].verdict?.role == .dropped(.navigation))
    #expect(page.lines.last?.verdict?.role == .dropped(.navigation))
  }

  @Test func timestampUnderATeaserGoesWithTheTeaser() throws {
    let (page, _) = try Self.run(
      [
        Self.paragraph, "  •   每经AI快讯,据亿航智能官微消息,公司获得试验飞行许可证书 ...", "    昨天 08:41",
      ].joined(separator: "\n"))
    #expect(page.lines[2].verdict?.role == .dropped(.relatedLinks))
    #expect(page.lines[2].verdict?.rule == "context.teaser-time")
    #expect(page.date == nil)
  }

  @Test func captionUnderAnImageFileName() throws {
    let roles = try Self.roles(
      [
        "Ministers agree on a new plan for sharing missile data", "IMG_2041.JPG",
        "The minister arriving in Seoul | Official Website", Self.paragraph,
      ].joined(separator: "\n"))
    #expect(roles == [.title, .dropped(.imageCaption), .dropped(.imageCaption), .content])
  }

  @Test func bylinesAndDatesGoToTheMetadata() throws {
    let (page, _) = try Self.run(
      [
        "Ministers agree on a new plan for sharing missile data", "by AFP Staff Writers",
        "By Jane Doe", "Washington (AFP) June 17, 2023", Self.paragraph,
      ].joined(separator: "\n"))
    #expect(page.byline == "by AFP Staff Writers; By Jane Doe")
    #expect(page.date == "Washington (AFP) June 17, 2023")
    #expect(page.text == Self.paragraph)
  }

  /// Records carry these ids; renaming one would change every record that names it.
  @Test func ruleIDsAreTheOnesRecordsCarry() {
    #expect(
      ContextRules.all.map { $0.id.rawValue } == [
        "context.teaser-time", "context.image-caption", "context.title",
        "context.duplicate-title", "context.above-title", "context.deck",
        "builtin.content-score", "context.head-island", "context.comment-link",
        "context.item-link", "context.zone",
        "context.list-items", "context.item-units", "context.related-headlines",
        "context.title-only",
      ])
  }

  /// The line classifier's groups come from the rule's type, not from its id's spelling.
  @Test func verdictGroupsFollowTheRulesEvidence() {
    func group(_ rule: RuleID) -> VerdictGroup {
      VerdictGroup(Verdict(role: .dropped(.navigation), rule: rule))
    }
    #expect(group(ContentScoreRule.id) == .scoreDrop)
    #expect(group(ZoneRule.id) == .zoneDrop)
    #expect(group(AboveTitleRule.id) == .contextDrop)
    #expect(group(ImageCaptionRule.id) == .contextDrop)
    #expect(group("builtin.nav") == .ruleDrop)
    // A user's rule spelt like a context rule is still a rule.
    #expect(group("context.my-site") == .ruleDrop)
    // Every rule's id finds its own evidence; an id of the same length differing in its
    // last byte, or a prefix of one, finds none.
    for rule in ContextRules.all {
      #expect(ContextRules.evidence(of: rule.id) == rule.evidence)
    }
    #expect(ContextRules.evidence(of: "context.zonf") == nil)
    #expect(ContextRules.evidence(of: "context.zon") == nil)
  }

  @Test func chromeMaxWordsIsTunable() throws {
    let text = [
      "Site Name Here", "Ministers agree on a new plan for sharing missile data",
      Self.paragraph, Self.otherParagraph,
    ].joined(separator: "\n")
    var settings = DefaultBoilerplate.settings
    settings.lineModel = "off"
    let (byDefault, _) = try DefaultBoilerplate.run(text, settings: settings)
    #expect(byDefault.lines[0].verdict?.rule == AboveTitleRule.id)
    settings.context.chromeMaxWords = 2
    let (tuned, _) = try DefaultBoilerplate.run(text, settings: settings)
    #expect(tuned.title == byDefault.title)
    #expect(tuned.lines[0].verdict?.rule != AboveTitleRule.id)
  }
}
