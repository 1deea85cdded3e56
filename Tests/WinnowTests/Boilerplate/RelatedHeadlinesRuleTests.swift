import Testing

@testable import Winnow

/// `context.related-headlines`: a list of headlines under the article, behind chrome, is named
/// related links; the same lines straight under the article, sentences split by a scraper, or
/// a list that outweighs the article are not.
@Suite struct RelatedHeadlinesRuleTests {
  static let article = [
    ContextPassTests.paragraph, ContextPassTests.otherParagraph,
    ContextPassTests.paragraph + " " + ContextPassTests.otherParagraph,
  ]
  static let shareBar = ["Share", "Facebook", "Twitter", "WhatsApp"]
  /// Headlines: item-sized, under the content score's `length_low`, no full stops.
  static let headlines = [
    "Ministers agree on missile data", "Five things about the summit",
    "Opposition calls for an inquiry", "Markets rally after trade pact!",
    "Storm warning along the coast", "Council votes on harbour bridge",
    "Rail strike ends after ten days", "Who is the new mayor?",
  ]

  static func verdicts(_ lines: [String]) throws -> [Verdict?] {
    try ListItemsRuleTests.verdicts(lines)
  }

  static let related = Verdict(role: .dropped(.relatedLinks), rule: RelatedHeadlinesRule.id)

  @Test func headlinesBehindAShareBarAreRelatedLinks() throws {
    let lines = Self.article + Self.shareBar + Self.headlines
    let verdicts = try Self.verdicts(lines)
    #expect(verdicts[..<Self.article.count].allSatisfy { $0?.role == .content })
    // The share bar is another rule's drop: the chrome the list stands behind.
    let shareBar = ListItemsRuleTests.indices(of: Self.shareBar, in: lines)
    #expect(
      shareBar.allSatisfy { verdicts[$0]?.role == .dropped(.social) && verdicts[$0]?.rule != nil })
    let items = ListItemsRuleTests.indices(of: Self.headlines, in: lines)
    #expect(items.allSatisfy { verdicts[$0] == Self.related })
  }

  /// Straight under the article, with no chrome between, the lines may be the article's own
  /// list: the rule leaves them to the content score (and the line decider).
  @Test func headlinesStraightUnderTheArticleAreLeftAlone() throws {
    let verdicts = try Self.verdicts(Self.article + Self.headlines)
    #expect(
      verdicts[Self.article.count...].allSatisfy {
        $0?.rule == ContentScoreRule.id && $0?.role.isKept == false
      })
  }

  /// A sentence split into one line per link: each piece starts in lower case and continues
  /// the one before, so none is a headline list, even behind a share bar.
  @Test func aSentenceSplitIntoLinksIsNotAList() throws {
    let pieces = [
      "The harbour bridge was built", "in the spring of nineteen hundred", "and rebuilt twice",
      "after the great storms", "that hit the coast", "in the years after the war", "and again",
      "when the ferry terminal closed", "for good in the late eighties",
    ]
    let lines = Self.article + Self.shareBar + pieces
    let verdicts = try Self.verdicts(lines)
    let at = ListItemsRuleTests.indices(of: pieces, in: lines)
    #expect(at.allSatisfy { verdicts[$0]?.rule != RelatedHeadlinesRule.id })
  }

  /// Lines that end like prose (full stops) are not headlines.
  @Test func linesEndingLikeProseAreNotHeadlines() throws {
    let sentences = Self.headlines.map { String($0.filter { !"!?".contains($0) }) + "." }
    let lines = Self.article + Self.shareBar + sentences
    let verdicts = try Self.verdicts(lines)
    let at = ListItemsRuleTests.indices(of: sentences, in: lines)
    #expect(at.allSatisfy { verdicts[$0]?.rule != RelatedHeadlinesRule.id })
  }

  @Test func proseAndHeadlineEndings() {
    let prose = ["He said so.", "as follows:", "first, second,", "“Quoted.”", "他说。"]
    let headlines = ["Who is the new mayor?", "Storm warning!", "Rail strike ends", "“Quoted”"]
    for text in prose {
      #expect(RelatedHeadlinesRule.endsLikeProse(LineContext(text, lexicons: .builtIn)), "\(text)")
    }
    for text in headlines {
      #expect(!RelatedHeadlinesRule.endsLikeProse(LineContext(text, lexicons: .builtIn)), "\(text)")
    }
    #expect(RelatedHeadlinesRule.startsInLowerCase(LineContext("* and again", lexicons: .builtIn)))
    #expect(!RelatedHeadlinesRule.startsInLowerCase(LineContext("'Veteran'", lexicons: .builtIn)))
  }
}
