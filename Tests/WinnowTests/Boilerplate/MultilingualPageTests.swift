import Testing

@testable import Winnow

/// Whole pages in languages the cue lexicons learnt for issue 3 ("in any language"): menus,
/// a cookie or legal notice, share buttons, a related-articles header with teasers and a
/// comment section go, with the kind the lexicons give them; the title, the headings and the
/// article paragraphs stay.
@Suite struct MultilingualPageTests {
  /// A news page laid out the way scrapers render one, in one language.
  struct NewsPage: CustomTestStringConvertible, Sendable {
    var language: String
    /// Menu lines above the title, made only of navigation words.
    var menu: [String]
    var title: String
    /// Three paragraphs; a heading comes between the first and the second.
    var paragraphs: [String]
    var heading: String
    var share: String
    var relatedHeader: String
    var teasers: [String]
    var commentHeader: String
    var comment: String
    var legal: String
    var testDescription: String { language }

    /// The page's lines, each with the role it must get and, for chrome that the lexicons
    /// alone give away, the rule that must have judged it. `layout` lines (title, heading,
    /// teasers) get their role from their place on the page rather than from their words.
    var expected: [Expectation] {
      menu.map { Expectation($0, .dropped(.navigation), rule: "builtin.navigation-words") } + [
        Expectation(title, .title, layout: true),
        Expectation(paragraphs[0], .content),
        Expectation(heading, .heading, layout: true),
        Expectation(paragraphs[1], .content),
        Expectation(paragraphs[2], .content),
        Expectation(share, .dropped(.social), rule: "builtin.social"),
        Expectation(relatedHeader, .dropped(.relatedLinks), rule: "builtin.related-header"),
      ] + teasers.map { Expectation($0, .dropped(.relatedLinks), layout: true) } + [
        Expectation(commentHeader, .dropped(.commentWidget), rule: "builtin.comment-header"),
        Expectation(comment, .dropped(.commentWidget)),
        Expectation(legal, .dropped(.legal), rule: "builtin.legal"),
      ]
    }
  }

  struct Expectation {
    var line: String
    var role: LineRole
    var rule: RuleID?
    var layout: Bool

    init(_ line: String, _ role: LineRole, rule: RuleID? = nil, layout: Bool = false) {
      self.line = line
      self.role = role
      self.rule = rule
      self.layout = layout
    }
  }

  static let pages: [NewsPage] = [
    NewsPage(
      language: "nl", menu: ["Inloggen | Registreren", "Nieuws  Over ons  Contact"],
      title: "Gemeente investeert miljoenen in nieuwe fietspaden",
      paragraphs: [
        "De gemeente Utrecht trekt de komende vier jaar ruim twaalf miljoen euro uit voor nieuwe "
          + "fietspaden in de binnenstad. Volgens de wethouder is dat nodig omdat het aantal "
          + "fietsers nog steeds groeit.",
        "Niet iedereen is blij met de plannen. Bewoners van de wijk Lombok vrezen dat er door de "
          + "bredere paden minder ruimte overblijft voor bomen en parkeerplaatsen.",
        "De gemeenteraad praat volgende maand over het voorstel. Een meerderheid lijkt voor te "
          + "stemmen, maar een aantal partijen wil eerst weten wat de gevolgen zijn voor het "
          + "verkeer.",
      ],
      heading: "Kritiek van bewoners", share: "Delen: Facebook  X  WhatsApp  E-mail",
      relatedHeader: "Lees ook",
      teasers: [
        "Nieuwe tram naar Nieuwegein later klaar", "Wethouder wil minder auto's in het centrum",
      ],
      commentHeader: "12 reacties",
      comment:
        "Eindelijk! Het werd tijd dat er iets gebeurt aan de drukte op de Biltstraat, want "
        + "fietsen is daar nu echt gevaarlijk.",
      legal: "Deze website maakt gebruik van cookies. Lees ons cookiebeleid."),
    NewsPage(
      language: "pl", menu: ["Strona główna", "Zaloguj się | Kontakt"],
      title: "Miasto otworzy nowy park nad Wisłą",
      paragraphs: [
        "Władze Warszawy zapowiedziały, że nowy park nad Wisłą zostanie otwarty jeszcze przed "
          + "wakacjami. Na mieszkańców czekają ścieżki rowerowe, place zabaw i kilkaset nowych "
          + "drzew.",
        "Budowa parku kosztowała ponad czterdzieści milionów złotych. Część pieniędzy pochodzi z "
          + "funduszy unijnych, a resztę pokryje budżet miasta.",
        "Radni opozycji pytają jednak, dlaczego prace trwały dwa lata dłużej, niż planowano. "
          + "Urzędnicy tłumaczą, że winne były problemy z wykonawcą.",
      ],
      heading: "Koszty inwestycji", share: "Udostępnij: Facebook Twitter",
      relatedHeader: "Czytaj także",
      teasers: [
        "Nowa linia tramwajowa na Bemowo już w przyszłym roku",
        "Ceny biletów komunikacji miejskiej wzrosną",
      ],
      commentHeader: "Komentarze (3)",
      comment:
        "Wreszcie coś się dzieje nad rzeką, byłem tam wczoraj z dziećmi i wygląda to naprawdę "
        + "dobrze.",
      legal: "Ta strona używa plików cookies. Wszelkie prawa zastrzeżone."),
    NewsPage(
      language: "tr", menu: ["Ana Sayfa", "Giriş Yap | Üye Ol"],
      title: "İstanbul'da yeni metro hattı hizmete girdi",
      paragraphs: [
        "İstanbul'un Anadolu yakasında yapımı süren yeni metro hattı bugün düzenlenen törenle "
          + "hizmete açıldı. Hat, günde yaklaşık yüz bin yolcu taşıyacak.",
        "Yetkililer, seferlerin sabah altıdan gece yarısına kadar her beş dakikada bir "
          + "yapılacağını açıkladı. İlk hafta boyunca yolculuk ücretsiz olacak.",
        "Belediye, yeni hattın trafik sıkışıklığını azaltmasını ve şehrin iki yakası arasındaki "
          + "ulaşımı kolaylaştırmasını bekliyor.",
      ],
      heading: "Seferler her beş dakikada bir", share: "Paylaş: Facebook Twitter WhatsApp",
      relatedHeader: "İlgili Haberler",
      teasers: ["Marmaray seferlerinde yeni düzenleme", "Köprü geçiş ücretlerine zam geldi"],
      commentHeader: "Yorumlar",
      comment: "Çok güzel bir haber, artık işe gitmek çok daha kolay olacak.",
      legal: "Sitemizde çerezler kullanıyoruz. Gizlilik Politikası"),
    NewsPage(
      language: "vi", menu: ["Trang chủ", "Đăng nhập | Đăng ký"],
      title: "Hà Nội mở thêm tuyến xe buýt điện mới",
      paragraphs: [
        "Từ tháng sau, Hà Nội sẽ đưa vào hoạt động thêm ba tuyến xe buýt điện nối trung tâm "
          + "thành phố với các khu đô thị mới. Mỗi tuyến có khoảng hai mươi xe chạy liên tục từ "
          + "sáng đến tối.",
        "Theo Sở Giao thông vận tải, giá vé trên các tuyến mới vẫn giữ như hiện nay. Người cao "
          + "tuổi và học sinh được miễn phí hoặc giảm giá khi đi xe.",
        "Thành phố kỳ vọng xe buýt điện sẽ giúp giảm ô nhiễm không khí và ùn tắc giao thông "
          + "trong những năm tới.",
      ],
      heading: "Giá vé không thay đổi", share: "Chia sẻ: Facebook Zalo",
      relatedHeader: "Tin liên quan",
      teasers: ["Đề xuất làm tuyến metro số 5", "Giá xăng giảm lần thứ ba liên tiếp"],
      commentHeader: "Bình luận (2)",
      comment: "Rất mong thành phố sớm mở thêm tuyến đến quận Hà Đông.",
      legal: "Chính sách bảo mật | Điều khoản sử dụng"),
    NewsPage(
      language: "ar", menu: ["الرئيسية", "تسجيل الدخول | اتصل بنا"],
      title: "افتتاح أكبر مكتبة عامة في المدينة",
      paragraphs: [
        "افتتحت بلدية المدينة يوم الأحد أكبر مكتبة عامة في تاريخها، وتضم أكثر من مئتي ألف كتاب "
          + "في مختلف المجالات. وقال رئيس البلدية إن المكتبة ستكون مفتوحة للجميع مجانا.",
        "وتحتوي المكتبة على قاعات خاصة للأطفال وأخرى للطلاب، إضافة إلى مقهى صغير ومسرح للعروض "
          + "الثقافية. ومن المتوقع أن يزورها آلاف الأشخاص كل أسبوع.",
        "وأكد المسؤولون أن المشروع استغرق خمس سنوات، وأن العمل جار على افتتاح فروع أخرى في "
          + "الأحياء البعيدة عن وسط المدينة.",
      ],
      heading: "قاعات للأطفال والطلاب", share: "شارك: فيسبوك تويتر واتساب",
      relatedHeader: "اقرأ أيضا",
      teasers: ["معرض الكتاب يعود في دورته الجديدة", "ارتفاع عدد زوار المتاحف هذا العام"],
      commentHeader: "التعليقات",
      comment: "خبر رائع، أتمنى أن تفتح مكتبات مثلها في كل مدينة.",
      legal: "سياسة الخصوصية | شروط الاستخدام"),
    NewsPage(
      language: "hi", menu: ["होम", "लॉग इन | संपर्क करें"],
      title: "शहर में खुला नया सरकारी अस्पताल",
      paragraphs: [
        "शहर के पूर्वी हिस्से में सोमवार को एक नया सरकारी अस्पताल खोला गया। इसमें तीन सौ बिस्तर "
          + "हैं और यहां हर दिन करीब एक हजार मरीजों का इलाज किया जा सकेगा।",
        "स्वास्थ्य विभाग ने बताया कि अस्पताल के लिए अभी डॉक्टरों और नर्सों की भर्ती की जा रही है। "
          + "अगले महीने तक सभी विभाग पूरी तरह से काम करने लगेंगे।",
        "स्थानीय लोगों ने कहा कि अब उन्हें इलाज के लिए दूसरे शहर नहीं जाना पड़ेगा, जिससे उनका "
          + "समय और पैसा दोनों बचेंगे।",
      ],
      heading: "डॉक्टरों की भर्ती जारी", share: "शेयर करें: फेसबुक ट्विटर व्हाट्सएप",
      relatedHeader: "ये भी पढ़ें",
      teasers: ["राज्य में खुलेंगे दस नए मेडिकल कॉलेज", "मौसम विभाग ने जारी की बारिश की चेतावनी"],
      commentHeader: "टिप्पणियाँ",
      comment: "बहुत अच्छी खबर है, इससे गांव के लोगों को भी काफी फायदा होगा।",
      legal: "सर्वाधिकार सुरक्षित | गोपनीयता नीति"),
  ]

  static func judge(_ page: NewsPage) throws -> (Page, [Expectation]) {
    let expected = page.expected
    let (result, _) = try DefaultBoilerplate.run(expected.map(\.line).joined(separator: "\n"))
    #expect(result.lines.count == expected.count)
    return (result, expected)
  }

  static func check(_ line: Line, _ want: Expectation) {
    #expect(
      line.verdict?.role == want.role,
      "\(want.line): \(line.verdict?.rule.rawValue ?? "no verdict")")
    if let rule = want.rule { #expect(line.verdict?.rule == rule, "\(want.line)") }
  }

  @Test(arguments: pages)
  func chromeGoesAndTheArticleStays(_ page: NewsPage) throws {
    let (result, expected) = try Self.judge(page)
    for (line, want) in zip(result.lines, expected) where !want.layout {
      Self.check(line, want)
    }
  }

  /// In scripts without letter case no line reads as the rest of a hard-wrapped paragraph,
  /// so the title, headings and teasers are judged by their place as in cased scripts.
  @Test(arguments: pages)
  func titleHeadingAndTeasersByTheirPlace(_ page: NewsPage) throws {
    let (result, expected) = try Self.judge(page)
    for (line, want) in zip(result.lines, expected) where want.layout {
      Self.check(line, want)
    }
    #expect(result.title == page.title)
  }

  @Test(arguments: pages)
  func theFunctionWordsNameThePageLanguage(_ page: NewsPage) {
    let lexicons = Lexicons.builtIn
    let lines = page.paragraphs.map { LineContext($0, lexicons: lexicons) }
    #expect(PageLanguage(lines: lines, lexicons: lexicons).code == page.language)
  }
}
