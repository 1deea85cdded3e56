import Foundation

/// The page-type model's view of a page's zone: what `context.thread-chrome` reads, as
/// numbers the trees can weigh with the page's shape. The zone runs from the first line a
/// zone rule dropped to the page's end; its values are the short-line templates that recur
/// once per post there (`ThreadChromeRule.recurringTemplates`), its lines of
/// `ThreadZoneRule.postTokens` tokens or more (log) and the tokens the rules left above it
/// (log). A page without such a line has no templates and no posts, and all its tokens left
/// count as above. `scripts/train_page_type.py` computes the same from the rows
/// `winnow-features` prints and the page's text.
///
/// Why: a thread's software repeats the same several short lines around every post, a blog's
/// comment box one or two; counted over the whole page, a shop's menus and footers repeat
/// too (docs/boilerplate.md, "Thread chrome as page-type evidence: the zone's templates as page features").
enum ZoneChromeFeatures {
  static let names = ["zone_templates", "zone_posts", "zone_tokens_above"]

  /// The page's values, in `names` order. One pass over the zone for the posts, one (the
  /// rule's) for the templates.
  static func values(_ page: LineFeatures) -> [Float] {
    var above = 0
    var zoneStart: Int? = nil
    for summary in page.summaries {
      if summary.group == .zoneDrop {
        zoneStart = Int(summary.index)
        break
      }
      if !summary.group.isDropped { above += Int(summary.tokens) }
    }
    guard let zoneStart else { return [0, 0, logCount(above)] }
    let zone = page.lines[zoneStart...]
    let posts = zone.count(where: { ($0?.tokens.count ?? 0) >= ThreadZoneRule.postTokens })
    let templates = ThreadChromeRule.recurringTemplates(zone)
    return [Float(templates), logCount(posts), logCount(above)]
  }

  private static func logCount(_ count: Int) -> Float { Float(log1p(Double(count))) }
}
