import Testing

@testable import Winnow

/// `context.item-units`: a grid of items whose units repeat a marker line comes back as text;
/// the markers, a menu, a schedule of one-word cells and related products under an article
/// stay dropped.
@Suite struct ItemUnitsRuleTests {
  static let menu = ["Home", "Cameras", "Lenses", "Deals", "Contact"]
  static let head = [
    "Mirrorless cameras and camera kits for sale",
    "Our mirrorless cameras from every major brand, with kits and bodies, are in stock and "
      + "ready to ship from our warehouse today.",
  ]
  static let names = [
    "Nikon Z5 II Mirrorless Camera with NIKKOR Z 24-105mm Lens",
    "Nikon Z6 III Mirrorless Camera with NIKKOR Z 28-400mm VR Lens",
    "Panasonic LUMIX S9 Mirrorless Camera with 18-40mm Lens, Silver",
    "Sony Alpha 7 IV Full Frame Mirrorless Camera Body Only",
    "Canon EOS R8 Mirrorless Camera with RF 24-50mm Lens Kit",
    "Fujifilm X-T5 Mirrorless Camera Body, Black Edition",
    "Leica Q3 Digital Camera with Summilux 28mm Lens",
    "OM System OM-5 Mirrorless Camera with 12-45mm PRO Lens",
  ]
  static let markers = ["Add to Cart", "Compare"]

  /// Each item a unit of four lines: its name, a price, and the two markers.
  static func grid(_ names: [String]) -> [String] {
    names.enumerated().flatMap { number, name in
      [name, "$\(1_000 + 100 * number).95"] + markers
    }
  }

  @Test func aGridOfItemsIsTextAndItsMarkersStayDropped() throws {
    let lines = Self.menu + Self.head + Self.grid(Self.names)
    let verdicts = try ListItemsRuleTests.verdicts(lines)
    #expect(verdicts[Self.menu.count]?.role == .title)
    let names = ListItemsRuleTests.indices(of: Self.names, in: lines)
    #expect(names.count == Self.names.count)
    #expect(names.allSatisfy { verdicts[$0] == Verdict(role: .content, rule: ItemUnitsRule.id) })
    // Without the rule the content score drops them: their run is mostly short lines, so
    // `context.list-items` leaves it too.
    let markers = ListItemsRuleTests.indices(of: Self.markers, in: lines)
    #expect(markers.count == 2 * Self.names.count)
    #expect(markers.allSatisfy { verdicts[$0] == verdicts[markers[0]] })
    #expect(markers.allSatisfy { verdicts[$0]?.role.isKept == false })
    let menu = ListItemsRuleTests.indices(of: Self.menu, in: lines)
    #expect(menu.allSatisfy { verdicts[$0]?.role.isKept == false })
  }

  /// A listing whose only running text is a guide under its grid: the title was looked for
  /// above that guide, and every short line above it, the grid's too, fell as chrome above
  /// the title. The grid's repeated units overrule that guess; the menu stays chrome.
  @Test func aGridAboveALateTitleIsText() throws {
    let guide = ["Buying guides for mirrorless cameras", ContextPassTests.paragraph]
    let lines = Self.menu + Self.grid(Self.names) + guide
    let verdicts = try ListItemsRuleTests.verdicts(lines)
    #expect(verdicts[lines.count - 2]?.role == .title)
    let names = ListItemsRuleTests.indices(of: Self.names, in: lines)
    #expect(names.allSatisfy { verdicts[$0] == Verdict(role: .content, rule: ItemUnitsRule.id) })
    let menu = ListItemsRuleTests.indices(of: Self.menu, in: lines)
    #expect(menu.allSatisfy { verdicts[$0]?.role.isKept == false })
  }

  /// A "Top Stories" header above a listing's first item opens a related zone over all of
  /// them; the grid's repeated units show that the zone is the page's list.
  @Test func aGridInARelatedZoneIsText() throws {
    let lines = Self.head + ["Top Stories"] + Self.grid(Self.names)
    let verdicts = try ListItemsRuleTests.verdicts(lines)
    let names = ListItemsRuleTests.indices(of: Self.names, in: lines)
    #expect(names.allSatisfy { verdicts[$0] == Verdict(role: .content, rule: ItemUnitsRule.id) })
    let markers = ListItemsRuleTests.indices(of: Self.markers, in: lines)
    #expect(markers.allSatisfy { verdicts[$0]?.role.isKept == false })
  }

  /// Under an article (two paragraphs in a row), a related zone of repeated units is related
  /// news, however long: it stays dropped.
  @Test func aGridInARelatedZoneUnderAnArticleStaysDropped() throws {
    let article = [
      "Camera review: a week with a full-frame body", ContextPassTests.paragraph,
      ContextPassTests.otherParagraph,
    ]
    let names = (1...3).flatMap { round in Self.names.map { "\($0), refurbished lot \(round)" } }
    let lines = article + ["Top Stories"] + Self.grid(names)
    let verdicts = try ListItemsRuleTests.verdicts(lines)
    let items = ListItemsRuleTests.indices(of: names, in: lines)
    #expect(items.count == names.count)
    #expect(items.allSatisfy { verdicts[$0]?.role.isKept == false })
    // The grid outweighs the article three times over: the block test alone would give it back.
    #expect(
      ListItemsRuleTests.tokens(names)
        >= ListItemsRule.minBlockMultiple * ListItemsRuleTests.tokens(Array(article.dropFirst())))
  }

  /// A TV schedule repeats its "Channel:" cell as a grid does, but its units hold no line
  /// long enough to be an item.
  @Test func aScheduleOfOneWordCellsStaysDropped() throws {
    let cells = (0..<10).flatMap { number in
      ["Channel:", number.isMultiple(of: 2) ? "Max" : "Sport", "Men", "Football"]
    }
    let lines = Self.head + cells
    let verdicts = try ListItemsRuleTests.verdicts(lines)
    let schedule = ListItemsRuleTests.indices(of: cells, in: lines)
    #expect(schedule.allSatisfy { verdicts[$0]?.role.isKept == false })
    #expect(schedule.allSatisfy { verdicts[$0]?.rule != ItemUnitsRule.id })
  }

  /// Related products under an article: a grid, but fewer tokens than three times the
  /// article's.
  @Test func relatedProductsUnderAnArticleStayDropped() throws {
    let article = [
      "Camera review: a week with a full-frame body",
      ContextPassTests.paragraph, ContextPassTests.otherParagraph, ContextPassTests.paragraph,
    ]
    let related = Self.grid(Array(Self.names.prefix(6)))
    let lines = article + related
    let verdicts = try ListItemsRuleTests.verdicts(lines)
    let names = ListItemsRuleTests.indices(of: Self.names, in: lines)
    #expect(names.count == 6)
    #expect(names.allSatisfy { verdicts[$0]?.role.isKept == false })
    #expect(
      ListItemsRuleTests.tokens(Array(Self.names.prefix(6)))
        < ListItemsRule.minBlockMultiple
        * ListItemsRuleTests.tokens(Array(article.dropFirst())))
  }

  /// A news listing under a "Most Read" header: each item a headline and its date, no two
  /// lines the same, so no line repeats as a marker; the dates mark the units (as
  /// "Ashley Belanger – 3/6/2026 | 86" does under each of a news site's teasers).
  @Test func aGridWhoseUnitsEachHoldADateIsText() throws {
    let dates = Self.names.indices.map { "March \($0 + 1), 2026" }
    let lines = Self.head + ["Most Read"] + zip(Self.names, dates).flatMap { [$0, $1] }
    let verdicts = try ListItemsRuleTests.verdicts(lines)
    let names = ListItemsRuleTests.indices(of: Self.names, in: lines)
    #expect(names.count == Self.names.count)
    #expect(names.allSatisfy { verdicts[$0] == Verdict(role: .content, rule: ItemUnitsRule.id) })
    let marks = ListItemsRuleTests.indices(of: dates, in: lines)
    #expect(marks.allSatisfy { verdicts[$0]?.rule != ItemUnitsRule.id })
  }

  /// Dated headlines in a related zone under an article are related news: they stay dropped.
  @Test func datedHeadlinesUnderAnArticleStayDropped() throws {
    let article = [
      "Camera review: a week with a full-frame body", ContextPassTests.paragraph,
      ContextPassTests.otherParagraph,
    ]
    let names = (1...3).flatMap { round in Self.names.map { "\($0), refurbished lot \(round)" } }
    let dates = names.indices.map { "March \($0 % 28 + 1), 2026" }
    let lines = article + ["Most Read"] + zip(names, dates).flatMap { [$0, $1] }
    let verdicts = try ListItemsRuleTests.verdicts(lines)
    let items = ListItemsRuleTests.indices(of: names, in: lines)
    #expect(items.count == names.count)
    #expect(items.allSatisfy { verdicts[$0]?.role.isKept == false })
  }

  /// A menu's entries are each there once: nothing repeats, nothing comes back.
  @Test func aMenuWithoutRepeatsStaysDropped() throws {
    let entries = Self.menu + Self.names.map { String($0.prefix(18)) }
    let verdicts = try ListItemsRuleTests.verdicts(Self.head + entries)
    #expect(verdicts.allSatisfy { $0?.rule != ItemUnitsRule.id })
  }
}
