import Testing

@testable import Winnow

/// `FragmentRuns`: a sentence that a naive scraper split at its links is judged as one line;
/// blocks, menus and labels stay lines of their own.
@Suite struct FragmentRunsTests {
  static func runs(_ lines: [String]) -> [Range<Int>] {
    FragmentRuns(lines: lines, lexicons: .builtIn).runs
  }

  /// A step of a tutorial as `get_text("\n")` hands it over (wcxb-dev-0239, naive).
  static let step = [
    "On the", "Rhino", "Help", "menu, click", "Learn Rhino", ", and then click",
    "Tutorials and Samples", ".",
  ]

  @Test func aSentenceSplitAtItsLinksIsOneRun() {
    // "On the" ends with an article, "Help" / "menu, click" continues in lower case, ", and"
    // and "." continue with a mark; "Rhino" / "Help" and "click" / "Learn Rhino" have no cue
    // of their own, so the sentence is four runs, none of them a lone menu-like word.
    #expect(Self.runs(Self.step) == [0..<2, 2..<4, 4..<6, 6..<8])
    let texts = FragmentRuns(lines: Self.step, lexicons: .builtIn)
      .texts
    #expect(texts.first.map { Array($0.utf8) } == Array("On the Rhino".utf8))
  }

  @Test func aCommaOrAnOpeningQuoteContinuesOnTheNextLine() {
    #expect(
      Self.runs(["Starting in 1996,", "Alexa Internet", "has been donating data."]) == [0..<3])
    #expect(Self.runs(["He called it “", "a disaster", "” on Monday."]) == [0..<3])
    #expect(Self.runs(["据报道，", "新华社", "，记者"]) == [0..<3])
  }

  @Test func blocksMenusAndLabelsStayApart() {
    // A blank line ends a block: the block rendering is left as it is.
    #expect(Self.runs(["The first paragraph", "", "and the second"]) == [0..<1, 1..<2, 2..<3])
    // Menu items, a capitalized word each. (A menu in lower case is one run: still a menu.)
    #expect(Self.runs(["Home", "News", "Sports", "Gossip"]) == [0..<1, 1..<2, 2..<3, 3..<4])
    // A label and its value; a finished sentence and the next one.
    #expect(Self.runs(["Collection:", "alexa web crawl"]) == [0..<1, 1..<2])
    #expect(Self.runs(["It rained.", "then it stopped"]) == [0..<1, 1..<2])
    // List items, at any level, start items of their own.
    #expect(Self.runs(["* Hiking", "+ Hiking", "o All Hiking", "o footwear"]).count == 4)
    // Words that may end a sentence ("in" of "Sign in") are no cue.
    #expect(Self.runs(["Sign in", "Register"]) == [0..<1, 1..<2])
    // A forum post's header: a time over the poster's name, a place over a field.
    #expect(Self.runs(["2024-08-03 10:59:47", "archuser38013"]) == [0..<1, 1..<2])
    #expect(Self.runs(["From: Brisbane, AU", "Registered: 2007-06-09"]) == [0..<1, 1..<2])
    // Lines of a script: statements and blocks, no sentence.
    #expect(Self.runs(["var a='x';", "var b=1;", "if (a) {", "b = 2", "}"]).count == 5)
    // A quote under its header: "mpan wrote:" is a label, its quote a line of its own.
    #expect(Self.runs(["mpan wrote:", "... even something as simple as that."]) == [0..<1, 1..<2])
  }

  @Test func aPageOfBlocksIsLeftAsItIs() {
    // One blank line per block: its lines in a row are items or rows, not fragments.
    let lines = ["On the", "Rhino", "", "menu, click", "", "Learn Rhino", ", and then click", ""]
    #expect(Self.runs(lines) == lines.indices.map { $0..<($0 + 1) })
    // The same lines without the blank lines join.
    #expect(Self.runs(lines.filter { !$0.isEmpty }) == [0..<3, 3..<5])
  }

  @Test func aRunHoldsAtMostItsLimitOfFragments() {
    let lines = Array(repeating: "the", count: FragmentRuns.maxFragments * 2 + 1)
    let runs = Self.runs(lines)
    #expect(runs.map(\.count) == [FragmentRuns.maxFragments, FragmentRuns.maxFragments, 1])
  }

  @Test func everyFragmentGetsItsRunsVerdict() throws {
    let paragraph =
      "The speaker shell is created using a lofted surface, a one-rail sweep, a solid "
      + "extrusion of a planar curve, and a surface fillet. The resulting geometry is joined."
    let page = ["Tutorial: Sweep, Loft, and Extrude", paragraph] + Self.step + [paragraph]
    let (cleaned, report) = try ContextPassTests.run(page.joined(separator: "\n"))
    #expect(cleaned.title.map { Array($0.utf8) } == Array(page[0].utf8))
    for run in Self.runs(Self.step) {
      let verdicts = run.map { cleaned.lines[2 + $0].verdict }
      #expect(verdicts.allSatisfy { $0 == verdicts[0] })
    }
    // A dropped fragment is a removal of its own, with its own line's text.
    for removal in report.removals {
      #expect(Array(removal.text.utf8) == Array(page[removal.line - 1].utf8))
    }
  }

  @Test func aRelatedZoneClosesAtAParagraphJoinedFromFragments() throws {
    // Each paragraph between ad labels: once joined, no two lines of running text stand in
    // a row, but the joined paragraph holds two sentences and closes the zone.
    let lines = [
      ContextPassTests.paragraph, "Related Stories", "Ministers agree on launches",
      "Officials said the talks were useful, and that both sides expected",
      "to meet again in the spring to review the plan. It was the last meeting of the year.",
      "Article content", ContextPassTests.paragraph, "Article content",
      ContextPassTests.otherParagraph,
    ]
    let roles = try ContextPassTests.roles(lines.joined(separator: "\n"))
    #expect(roles[2] == .dropped(.relatedLinks))
    #expect(roles[3...4].allSatisfy { $0 == .content })
    #expect(roles[6] == .content)
    #expect(roles[8] == .content)
    // Without the second sentence the run is one line of text, and the zone goes on.
    var teaser = lines
    teaser[4] = "to meet again in the spring"
    let teaserRoles = try ContextPassTests.roles(teaser.joined(separator: "\n"))
    #expect(teaserRoles[3...4].allSatisfy { $0 == .dropped(.relatedLinks) })
  }
}
