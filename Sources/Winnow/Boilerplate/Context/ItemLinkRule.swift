/// A related or comment header that recurs under every item of a list is each item's link,
/// not a section: "Read more" after each teaser of a news listing or a services page, "Comment"
/// or "9 Comments" under each post of a blog's front page (numbers aside). Such a link
/// opened a zone that ran over the items after it (a teaser's headline and one paragraph are
/// never two lines of running text in a row, which is what ends a related zone; a comment
/// zone runs to the end of the page) and dropped the page's text. This rule keeps the link dropped, under its own id, and lets it
/// open no zone; the items are left to the content score (and the line decider).
///
/// The same header recurs at least `minLinks` times, each at most `maxItemLines` non-blank
/// lines after the one before (one item per link), and the items between the first and the
/// last hold at least `minShareOfText` of the tokens kept above the first link: the list is
/// (a large part of) the page's text. Under an article, a few "Read more" teasers ("related
/// stories") are small beside the article above them and keep their zone; a header that
/// comes twice ("READ MORE:" inline and as a section head) is not a chain.
///
/// Why: issue 13's census of pages below F1 0.5: listing and service pages whose "Read more"
/// under the first teaser dropped every teaser after it (wcxb-dev-0175, 0076, 2852), and
/// listings whose "9 Comments" under the first post did the same (wcxb-dev-2903, 3030, 2969).
struct ItemLinkRule: ContextRule {
  static let id: RuleID = "context.item-link"
  static let evidence = ContextEvidence.position

  /// A chain holds at least this many links.
  static let minLinks = 4
  /// A link follows the one before within this many non-blank lines.
  static let maxItemLines = 8
  /// The items between the links hold at least this share of the tokens kept above them.
  static let minShareOfText = 0.3

  func apply(to pass: inout ContextPass) {
    var rank: [Int] = []
    rank.reserveCapacity(pass.lines.count)
    var present = 0
    var byText: [LinkText: [Int]] = [:]
    for index in pass.lines.indices {
      rank.append(present)
      guard pass.present[index] else { continue }
      present += 1
      guard let kind = pass.zoneOpeners[index], kind == .relatedLinks || kind == .commentWidget,
        let line = pass.lines[index]
      else { continue }
      // "9 Comments" and "1 comment" are one link: its count (and so its word's ending)
      // differs from item to item.
      let words = Self.stems(of: line.text)
      if !words.isEmpty { byText[LinkText(kind: kind, words: words), default: []].append(index) }
    }
    // In page order, so that a run never depends on the dictionary's order.
    for links in byText.values.sorted(by: { $0[0] < $1[0] }) where links.count >= Self.minLinks {
      var chain: [Int] = []
      for link in links {
        if let last = chain.last, rank[link] - rank[last] > Self.maxItemLines {
          release(chain, in: &pass)
          chain.removeAll(keepingCapacity: true)
        }
        chain.append(link)
      }
      release(chain, in: &pass)
    }
  }

  /// Lets the chain's links open no zone when it is long enough and its items are a large
  /// part of the page's text.
  private func release(_ chain: [Int], in pass: inout ContextPass) {
    guard chain.count >= Self.minLinks, let first = chain.first, let last = chain.last else {
      return
    }
    var keptAbove = 0
    for index in 0..<first where pass.verdicts[index]?.role.isKept == true {
      keptAbove += pass.lines[index]?.tokens.count ?? 0
    }
    var items = 0
    for index in first...last where pass.present[index] && pass.isWeak(pass.verdicts[index]) {
      items += pass.lines[index]!.tokens.count
    }
    guard Double(items) >= Self.minShareOfText * Double(keptAbove) else { return }
    for link in chain {
      guard let kind = pass.zoneOpeners[link] else { continue }
      pass.zoneOpeners[link] = nil
      pass.verdicts[link] = Verdict(role: .dropped(kind), rule: Self.id)
    }
  }

  /// Letters of a word that decide whether two links are the same: "1 comment" and
  /// "2 comments" are one link, and so are "1 Kommentar" and "2 Kommentare".
  static let stemLength = 5

  /// A hash of each word of `text` but the numbers, of its first `stemLength` letters or
  /// digits, case-folded: a plural's or a case's ending aside.
  static func stems(of text: Substring) -> [UInt64] {
    var stems: [UInt64] = []
    var hash = Token.fnvOffset
    var length = 0
    var numeric = true
    func endWord() {
      if length > 0 && !numeric { stems.append(hash) }
      hash = Token.fnvOffset
      length = 0
      numeric = true
    }
    for scalar in text.unicodeScalars {
      let properties = scalar.properties
      guard properties.isAlphabetic || properties.numericType != nil else {
        endWord()
        continue
      }
      if properties.numericType == nil { numeric = false }
      length += 1
      if length <= stemLength {
        for lower in properties.lowercaseMapping.unicodeScalars {
          hash = Token.mix(hash, lower.value)
        }
      }
    }
    endWord()
    return stems
  }

  /// What makes two links the same: the zone they open and their words, numbers aside.
  private struct LinkText: Hashable {
    let kind: BoilerplateKind
    let words: [UInt64]
  }
}
