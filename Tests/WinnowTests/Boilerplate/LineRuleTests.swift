import Testing

@testable import Winnow

/// Each built-in rule on lines of the kind that motivated it, in several languages: the first
/// rule that matches must be the expected one, with the expected role.
@Suite struct LineRuleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var line: String
    var rule: RuleID?
    var role: LineRole?
    var testDescription: String { name }
  }

  static func judge(_ text: String) -> BuiltInRules.Match? {
    let line = LineContext(text, lexicons: Lexicons.builtIn)
    return BuiltInRules.firstMatch(line)
  }

  static let cases: [Case] = [
    Case(name: "counter", line: "273 0 0", rule: "builtin.counter", role: .dropped(.counter)),
    Case(
      name: "counter with words", line: "1,204 views 12 comments", rule: "builtin.counter",
      role: .dropped(.counter)),
    Case(
      name: "zh breadcrumb", line: "首页 News 正文", rule: "builtin.navigation-words",
      role: .dropped(.navigation)),
    Case(
      name: "de menu", line: "Startseite", rule: "builtin.navigation-words",
      role: .dropped(.navigation)),
    Case(name: "tweet", line: "Tweet", rule: "builtin.social", role: .dropped(.social)),
    Case(
      name: "share row", line: "Share on Facebook Twitter Email", rule: "builtin.social",
      role: .dropped(.social)),
    Case(name: "fr share", line: "Partager", rule: "builtin.social", role: .dropped(.social)),
    Case(
      name: "share with a preposition", line: "Share this on WhatsApp", rule: "builtin.social",
      role: .dropped(.social)),
    Case(
      name: "pt share with a preposition", line: "Compartilhe no WhatsApp",
      rule: "builtin.social", role: .dropped(.social)),
    Case(
      name: "newsletter promo", line: "Subscribe Free To Our Daily Newsletters",
      rule: "builtin.promo", role: .dropped(.promo)),
    Case(
      name: "de promo", line: "Jetzt Newsletter abonnieren!", rule: "builtin.promo",
      role: .dropped(.promo)),
    Case(
      name: "copyright", line: "© 2024 Example Media. All rights reserved.",
      rule: "builtin.legal", role: .dropped(.legal)),
    Case(
      name: "zh platform disclaimer", line: "CandyLake.com 系信息发布平台,仅提供信息存储空间服务。",
      rule: "builtin.legal", role: .dropped(.legal)),
    Case(
      name: "es rights", line: "Todos los derechos reservados", rule: "builtin.legal",
      role: .dropped(.legal)),
    Case(
      name: "zh login to reply", line: "您需要登录后才可以回帖 登录 | 立即注册",
      rule: "builtin.comment-widget", role: .dropped(.commentWidget)),
    Case(
      name: "en leave a reply", line: "Leave a Reply", rule: "builtin.comment-widget",
      role: .dropped(.commentWidget)),
    Case(
      name: "zh profile card", line: "  • 粉丝", rule: "builtin.profile-card",
      role: .dropped(.commentWidget)),
    Case(
      name: "related header", line: "RELATED CONTENT", rule: "builtin.related-header",
      role: .dropped(.relatedLinks)),
    Case(
      name: "zh related header", line: "相关阅读", rule: "builtin.related-header",
      role: .dropped(.relatedLinks)),
    Case(
      name: "es related header", line: "Más noticias", rule: "builtin.related-header",
      role: .dropped(.relatedLinks)),
    Case(
      name: "de comments header", line: "Kommentare", rule: "builtin.comment-header",
      role: .dropped(.commentWidget)),
    Case(
      name: "comments to title", line: "23 comments to Instagramming Iceland",
      rule: "builtin.comment-header", role: .dropped(.commentWidget)),
    Case(
      name: "commenter line", line: "2. Keri Peardon says:", rule: "builtin.commenter-line",
      role: .dropped(.commentWidget)),
    Case(
      name: "de commenter line", line: "Anna Müller schrieb:", rule: "builtin.commenter-line",
      role: .dropped(.commentWidget)),
    Case(
      name: "reply button", line: "Reply", rule: "builtin.profile-card",
      role: .dropped(.commentWidget)),
    Case(
      name: "quotation, not a comment", line: "About Halloween, she writes:", rule: nil, role: nil),
    Case(
      name: "dated commenter line", line: "1. On October 12, 2012 at 10:52 am Qaoileann said:",
      rule: "builtin.commenter-line", role: .dropped(.commentWidget)),
    Case(name: "menu item comments opens no zone", line: "* Comments", rule: nil, role: nil),
    Case(
      name: "about the author", line: "About the Author", rule: "builtin.author-bio-header",
      role: .dropped(.authorBio)),
    Case(
      name: "widget", line: "ORGANIZATIONS IN THIS STORY", rule: "builtin.widget",
      role: .dropped(.widget)),
    Case(
      name: "image id", line: "Webp r2umstd7klz7h71rbd02tzrmpryg",
      rule: "builtin.image-file-name", role: .dropped(.imageCaption)),
    Case(
      name: "image file", line: "IMG_2041.JPG", rule: "builtin.image-file-name",
      role: .dropped(.imageCaption)),
    Case(
      name: "photo credit", line: "Photo: Reuters/Jane Doe", rule: "builtin.photo-credit",
      role: .dropped(.imageCaption)),
    Case(
      name: "teaser", line: "  •   每经AI快讯,据亿航智能官微消息,公司获得试验飞行许可证书 ...",
      rule: "builtin.teaser", role: .dropped(.relatedLinks)),
    Case(
      name: "tagline bio",
      line: "“Explorer. Devoted travel specialist. Web expert. Organizer. Coffee enthusiast.”",
      rule: "builtin.tagline-bio", role: .dropped(.authorBio)),
    Case(
      name: "sentences are no tagline",
      line: "He came home late. The dogs were asleep by the fire. Fine. Good.", rule: nil,
      role: nil),
    Case(
      name: "reply subject", line: "Re: I make my own wafers", rule: "builtin.reply-subject",
      role: .dropped(.commentWidget)),
    Case(
      name: "nested reply subject", line: "o Re: (Score:3)", rule: "builtin.reply-subject",
      role: .dropped(.commentWidget)),
    Case(
      name: "zh reply subject", line: "回复：这篇文章写得很好", rule: "builtin.reply-subject",
      role: .dropped(.commentWidget)),
    Case(
      name: "stray path", line: "/happy news", rule: "builtin.stray-fragment",
      role: .dropped(.junk)),
    Case(
      name: "punctuation only", line: ". . .", rule: "builtin.punctuation-only",
      role: .dropped(.junk)),
    Case(name: "byline", line: "by AFP Staff Writers", rule: "builtin.byline", role: .byline),
    Case(name: "de byline", line: "Von Anna Müller", rule: "builtin.byline", role: .byline),
    Case(name: "zh byline", line: "记者：张三", rule: "builtin.byline", role: .byline),
    Case(name: "ar byline", line: "بقلم: أحمد علي", rule: "builtin.byline", role: .byline),
    Case(name: "hi byline", line: "लेखक: राम शर्मा", rule: "builtin.byline", role: .byline),
    Case(
      name: "ar sentence opening with a byline word",
      line: "كتب الطالب رسالة طويلة إلى والده", rule: nil, role: nil),
    Case(
      name: "dateline", line: "Washington (AFP) June 17, 2023", rule: "builtin.dateline",
      role: .date),
    Case(name: "zh timestamp", line: "昨天 08:41", rule: "builtin.dateline", role: .date),
    Case(name: "zh relative time", line: "3 天前", rule: "builtin.dateline", role: .date),
    Case(name: "numeric date", line: "2023-06-17 10:00", rule: "builtin.dateline", role: .date),
    Case(
      name: "fr date", line: "Publié le 17 juin 2023", rule: "builtin.dateline", role: .date),
    Case(
      name: "pt weekday date", line: "segunda-feira, 22 de janeiro de 2018 às 0:13",
      rule: "builtin.dateline", role: .date),
    Case(
      name: "es weekday date", line: "lunes, 22 de enero de 2018 a las 10:30",
      rule: "builtin.dateline", role: .date),
    Case(
      name: "it weekday date", line: "lunedì 22 gennaio 2018 alle 10:30",
      rule: "builtin.dateline", role: .date),
    Case(
      name: "ru weekday date", line: "понедельник, 22 января 2018 в 10:30",
      rule: "builtin.dateline", role: .date),
    // Lines that look like boilerplate at a glance but are text.
    Case(
      name: "sentence starting with By", line: "By the end of the year, prices had doubled.",
      rule: nil, role: nil),
    Case(
      name: "dateline opening a paragraph",
      line: "Beijing (AFP) June 18, 2023 - Secretary of State Antony Blinken on Sunday began "
        + "the highest-level trip by a US official to China in nearly five years.",
      rule: nil, role: nil),
    Case(
      name: "prose about copyright",
      line: "The court said the copyright holders had not shown any harm, and the case about "
        + "fair use of news photos will now go back to the lower court for a new trial.",
      rule: nil, role: nil),
    Case(name: "bare newsletter", line: "Newsletter", rule: nil, role: nil),
  ]

  @Test(arguments: cases)
  func firstMatchingRule(_ example: Case) {
    let rule = Self.judge(example.line)
    #expect(rule?.id == example.rule)
    #expect(rule?.role == example.role)
  }

  @Test func ruleIDsAreUniqueAndNamespaced() {
    let ids = BuiltInRules.all.map(\.id.rawValue)
    #expect(ids.count == 21)
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.hasPrefix("builtin.") })
  }

  @Test func zoneHeadersOpenTheirZones() {
    #expect(RelatedHeaderRule().opensZone == .relatedLinks)
    #expect(CommentHeaderRule().opensZone == .commentWidget)
    #expect(CommenterLineRule().opensZone == .commentWidget)
    #expect(AuthorBioHeaderRule().opensZone == .authorBio)
    #expect(CounterRule().opensZone == nil)
  }
}
