import Testing

@testable import Winnow

/// `context.list-items`: a long list of items that the content score dropped comes back as
/// text; menus, related links under an article and a sidebar beside it stay dropped.
@Suite struct ListItemsRuleTests {
  static let menu = ["Home", "Trails", "Events", "Membership", "Contact"]
  /// A club's listing page: its title and one paragraph of running text above the list (so
  /// that the title is the page's, not the first item's).
  static let head = [
    "Mountain bike trails around Houston",
    "Recommended neighbourhood trails, with difficulty ratings and approximate distances, "
      + "maintained by volunteers throughout Houston.",
  ]
  /// The list: names with details, no sentences, few function words.
  static let trails = [
    "Anthills Loop, intermediate to advanced, 5 miles",
    "Burroughs Park Trail, beginner, 5 miles",
    "Carl Barton Woods, beginner, 3.5 miles",
    "Cypress Creek Loop, intermediate, 10 miles",
    "Huntsville State Park, beginner to intermediate, 15.5 miles",
    "Double Lake Circuit, beginner to intermediate, 18 miles",
    "Lake Houston Wilderness, beginner, 10 miles",
    "Memorial Park Loop, beginner, 6 miles",
    "Brazos Bend Levee Ride, beginner, 12 miles",
    "Jack Brooks Park, intermediate, 7 miles",
    "Spring Creek Greenway, beginner, 14 miles",
    "Terry Hershey Park, beginner, 9 miles",
    "Kingwood Greenbelt, beginner, 8 miles",
    "Stephen F. Austin State Park, beginner, 4 miles",
    "Cullinan Park Trail, beginner, 4 miles",
    "Sylvan Rodriguez Park, intermediate, 6 miles",
  ]
  static let social = ["Facebook", "Instagram"]

  static func verdicts(_ lines: [String]) throws -> [Verdict?] {
    try ContextPassTests.run(lines.joined(separator: "\n")).0.lines.map(\.verdict)
  }

  static func tokens(_ lines: [String]) -> Int {
    lines.reduce(0) { $0 + LineContext($1, lexicons: .builtIn).tokens.count }
  }

  static func indices(of wanted: [String], in lines: [String]) -> [Int] {
    lines.indices.filter { wanted.contains(lines[$0]) }
  }

  @Test func aListUnderAMenuIsText() throws {
    let lines = Self.menu + Self.head + Self.trails + Self.social
    let verdicts = try Self.verdicts(lines)
    #expect(verdicts[Self.menu.count]?.role == .title)
    let items = Self.indices(of: Self.trails, in: lines)
    #expect(items.allSatisfy { verdicts[$0] == Verdict(role: .content, rule: ListItemsRule.id) })
    // The menu's entries are a word each, and the social links another rule's: not items.
    let chrome = Self.indices(of: Self.menu + Self.social, in: lines)
    #expect(chrome.allSatisfy { verdicts[$0]?.role.isKept == false })
  }

  @Test func aMenuOfShortEntriesStaysDropped() throws {
    let entries = Self.menu + ["About us", "Shop", "Blog", "Press", "Careers", "Help"]
    let verdicts = try Self.verdicts(entries)
    #expect(verdicts.allSatisfy { $0?.role.isKept == false && $0?.rule != ListItemsRule.id })
  }

  /// Headlines under an article are as long as a listing's items, but fewer tokens than three
  /// times the article's.
  @Test func relatedHeadlinesUnderAnArticleStayDropped() throws {
    let article = [
      ContextPassTests.paragraph, ContextPassTests.otherParagraph,
      ContextPassTests.paragraph + " " + ContextPassTests.otherParagraph,
    ]
    let headlines = [
      "Ministers agree on missile data", "Five things about the summit",
      "Opposition calls for an inquiry", "Markets rally after trade pact",
      "Storm warning along the coast", "Council votes on harbour bridge",
      "Rail strike ends after ten days", "New mayor sworn in on Monday",
    ]
    let verdicts = try Self.verdicts(article + headlines)
    #expect(verdicts[..<article.count].allSatisfy { $0?.role == .content })
    #expect(
      verdicts[article.count...].allSatisfy {
        $0 == Verdict(role: .dropped(.navigation), rule: ContentScoreRule.id)
      })
  }

  @Test func shareButtonsInsideAListStayDropped() throws {
    var lines = Self.menu + Self.head
    for (number, trail) in Self.trails.enumerated() {
      lines.append(trail)
      if number % 3 == 0 { lines.append("Share") }
    }
    let verdicts = try Self.verdicts(lines)
    #expect(
      Self.indices(of: ["Share"], in: lines).allSatisfy { verdicts[$0]?.role == .dropped(.social) }
    )
    #expect(
      Self.indices(of: Self.trails, in: lines).allSatisfy { verdicts[$0]?.rule == ListItemsRule.id }
    )
  }

  /// A listing whose fourth item has a description that the content score keeps: the page's
  /// largest block of kept text, but one line, which the run of items crosses. The four items
  /// above it come back only as part of the whole list.
  @Test func aListingsOneLineDescriptionDoesNotBreakTheList() throws {
    let description =
      "Volunteers rebuilt this loop during springtime, and its redesigned berms and bridges "
      + "make it everybody's favourite ride."
    #expect(Self.tokens([description]) > Self.tokens([Self.head[1]]))
    var lines = Self.menu + Self.head
    for (number, trail) in Self.trails.enumerated() {
      lines += [trail, "Share"]
      if number == 3 { lines.append(description) }
    }
    let verdicts = try Self.verdicts(lines)
    let at = lines.firstIndex(of: description)!
    #expect(verdicts[at] == Verdict(role: .content, rule: ContentScoreRule.id))
    let items = Self.indices(of: Self.trails, in: lines)
    #expect(items.allSatisfy { verdicts[$0] == Verdict(role: .content, rule: ListItemsRule.id) })
  }

  /// A sidebar of headlines above and below an article: together three times the article's
  /// tokens, each half less. The article (two paragraphs kept in a row) ends the run, so each
  /// half is weighed alone and stays dropped (a Chinese blog page of the readability set kept
  /// its sidebars and comments when the run crossed the article).
  @Test func aSidebarListCrossingAnArticleStaysDropped() throws {
    let sidebar = [
      "• Anthills Loop reopens after the spring storms",
      "• Burroughs Park adds a beginner skills area",
      "• Volunteers rebuild the bridge at Carl Barton",
      "• Cypress Creek trail closed for tree work",
      "• Huntsville race results and photos posted",
      "• Double Lake camping weekend in October",
      "• Lake Houston trail map updated for autumn",
      "• Memorial Park night ride every Thursday",
      "• New club jerseys arrive in the shop",
      "• Trail etiquette for passing on narrow sections",
      "• Board election results for the new year",
      "• Kids ride and picnic at Jack Brooks Park",
      "• Spring Creek Greenway extension opens to riders",
    ]
    let article = [ContextPassTests.paragraph, ContextPassTests.otherParagraph]
    let lines = sidebar + ["Facebook"] + article + sidebar
    let verdicts = try Self.verdicts(lines)
    let sidebarTokens = Self.tokens(sidebar)
    let articleTokens = Self.tokens(article)
    #expect(2 * sidebarTokens >= ListItemsRule.minBlockMultiple * articleTokens)
    #expect(sidebarTokens < ListItemsRule.minBlockMultiple * articleTokens)
    #expect(verdicts[(sidebar.count + 1)...].prefix(2).allSatisfy { $0?.role == .content })
    let items = Self.indices(of: sidebar, in: lines)
    #expect(items.allSatisfy { verdicts[$0]?.rule == ContentScoreRule.id })
    #expect(items.allSatisfy { verdicts[$0]?.role.isKept == false })
  }
}
