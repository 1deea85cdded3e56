import Testing

@testable import Winnow

/// `context.item-link`: a "Read more" under every teaser of a list is each item's link and
/// opens no zone; a few "Read more" teasers under a long article, or a header that comes only
/// three times, keep their related zone.
@Suite struct ItemLinkRuleTests {
  static let link = "Read more"
  static let head = [
    "Our programs in the news",
    "Stories about our tutoring programs from newspapers and television across the country.",
  ]
  /// A news listing: a headline and a one-paragraph teaser per item, then the item's link.
  static let teasers = [
    (
      "Tutoring program lifts reading scores in Brown County",
      "At the local level, one hundred students in the county were helped by the tutors this year."
    ),
    (
      "Reading tutors come to schools across the state",
      "The program uses one-on-one tutors to teach children in kindergarten through third grade."
    ),
    (
      "How one tutoring group helps schools",
      "Only a third of the fourth-graders read at the expected level, which is where the tutors come in."
    ),
    (
      "A nonprofit runs three large tutoring programs",
      "Tutoring is having quite the moment, and the group has learned what works in the classroom."
    ),
    (
      "Early learning program receives a large grant",
      "The grant will pay for new tutors in the schools of the region over the next two years."
    ),
    (
      "Lawmakers tour a new tutoring program",
      "While it has not been around long, it is already making a difference in the classroom."
    ),
  ]

  static func listing() -> [String] {
    head + teasers.flatMap { [$0.0, $0.1, link] }
  }

  static func verdicts(_ lines: [String]) throws -> [Verdict?] {
    try ListItemsRuleTests.verdicts(lines)
  }

  @Test func readMoreUnderEveryTeaserIsEachItemsLink() throws {
    let lines = Self.listing()
    let verdicts = try Self.verdicts(lines)
    let links = lines.indices.filter { lines[$0] == Self.link }
    #expect(
      links.allSatisfy {
        verdicts[$0] == Verdict(role: .dropped(.relatedLinks), rule: ItemLinkRule.id)
      })
    // Every teaser is text, those after the first link included: no zone swallowed them.
    let paragraphs = ListItemsRuleTests.indices(of: Self.teasers.map(\.1), in: lines)
    #expect(paragraphs.allSatisfy { verdicts[$0]?.role == .content })
  }

  /// Three items are not a chain: their links stay the related header's, which opens a zone.
  @Test func threeLinksAreNotAChain() throws {
    let lines = Array(Self.listing().prefix(Self.head.count + 3 * 3))
    let verdicts = try Self.verdicts(lines)
    let links = lines.indices.filter { lines[$0] == Self.link }
    #expect(links.count == 3)
    #expect(
      links.allSatisfy {
        verdicts[$0]?.role == .dropped(.relatedLinks) && verdicts[$0]?.rule != ItemLinkRule.id
      })
  }

  /// Under a long article, four short "Read more" teasers are related stories: small beside
  /// the article, they keep their zone.
  @Test func relatedTeasersUnderALongArticleKeepTheirZone() throws {
    let article = (0..<4).flatMap { _ in
      [ContextPassTests.paragraph, ContextPassTests.otherParagraph]
    }
    let related = Self.teasers.prefix(4).flatMap { [$0.0, Self.link] }
    let lines = ["Ministers agree on missile data"] + article + related
    let verdicts = try Self.verdicts(lines)
    let links = lines.indices.filter { lines[$0] == Self.link }
    #expect(links.allSatisfy { verdicts[$0]?.rule != ItemLinkRule.id })
    let headlines = ListItemsRuleTests.indices(
      of: Self.teasers.dropFirst().prefix(3).map(\.0), in: lines)
    #expect(headlines.allSatisfy { verdicts[$0]?.role.isKept == false })
  }

  /// A blog's front page: "9 Comments" under each post, its count differing from post to
  /// post, is each post's link, not a comment zone that swallows the posts after the first.
  @Test func aCommentCountUnderEveryPostIsEachPostsLink() throws {
    let counts = [
      "2 Comments", "9 Comments", "0 Comments", "13 Comments", "1 Comments", "8 Comments",
    ]
    let lines = Self.head + zip(Self.teasers, counts).flatMap { [$0.0.0, $0.0.1, $0.1] }
    let verdicts = try Self.verdicts(lines)
    let links = ListItemsRuleTests.indices(of: counts, in: lines)
    #expect(
      links.allSatisfy {
        verdicts[$0] == Verdict(role: .dropped(.commentWidget), rule: ItemLinkRule.id)
      })
    let paragraphs = ListItemsRuleTests.indices(of: Self.teasers.map(\.1), in: lines)
    #expect(paragraphs.allSatisfy { verdicts[$0]?.role == .content })
  }

  /// "1 comment" under one post and "2 comments" under the next are one link: the
  /// singular breaks no chain (a plural's ending aside, as a number is).
  @Test func aSingularCountIsTheSameLinkAsAPlural() throws {
    let counts = ["0 comments", "1 comment", "2 comments", "1 comment", "0 comments", "5 comments"]
    let lines = Self.head + zip(Self.teasers, counts).flatMap { [$0.0.0, $0.0.1, $0.1] }
    let verdicts = try Self.verdicts(lines)
    let links = lines.indices.filter { counts.contains(lines[$0]) }
    #expect(links.count == counts.count)
    #expect(
      links.allSatisfy {
        verdicts[$0] == Verdict(role: .dropped(.commentWidget), rule: ItemLinkRule.id)
      })
    let paragraphs = ListItemsRuleTests.indices(of: Self.teasers.map(\.1), in: lines)
    #expect(paragraphs.allSatisfy { verdicts[$0]?.role == .content })
  }

  @Test func stemsLeaveOutNumbersAndEndings() {
    #expect(ItemLinkRule.stems(of: "1 Comment") == ItemLinkRule.stems(of: "12 comments"))
    #expect(ItemLinkRule.stems(of: "1 Kommentar") == ItemLinkRule.stems(of: "3 Kommentare"))
    #expect(ItemLinkRule.stems(of: "Read more") != ItemLinkRule.stems(of: "Related posts"))
    #expect(ItemLinkRule.stems(of: "Read more").count == 2)
  }

  /// Under an article, a "Comments" header opens the comment zone: one header is no chain,
  /// and the comments under it stay dropped.
  @Test func oneCommentHeaderUnderAnArticleKeepsItsZone() throws {
    let article = (0..<3).flatMap { _ in
      [ContextPassTests.paragraph, ContextPassTests.otherParagraph]
    }
    let comments = Self.teasers.prefix(4).map(\.1)
    let lines = ["Ministers agree on missile data"] + article + ["12 Comments"] + comments
    let verdicts = try Self.verdicts(lines)
    let header = try #require(lines.firstIndex(of: "12 Comments"))
    #expect(verdicts[header]?.rule != ItemLinkRule.id)
    let dropped = ListItemsRuleTests.indices(of: comments, in: lines)
    #expect(dropped.allSatisfy { verdicts[$0]?.role == .dropped(.commentWidget) })
  }
}
