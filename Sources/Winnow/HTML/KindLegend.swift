/// The legend of removals: a chip per kind that occurred, with its colour and count, most
/// frequent first (ties in the kinds' order). `data-kind` and `data-count` let a test or a
/// script read the counts back from the DOM.
struct KindLegend {
  let counts: [BoilerplateKind: Int]

  /// The kinds with a count above 0, most frequent first.
  var ordered: [(kind: BoilerplateKind, count: Int)] {
    BoilerplateKind.allCases.compactMap { kind in counts[kind].map { (kind, $0) } }
      .filter { $0.count > 0 }
      .enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }
      .map(\.element)
  }

  func render(_ html: inout HTMLWriter) {
    let kinds = ordered
    guard !kinds.isEmpty else {
      html.element("p", ["class": "note"], text: "Nothing was removed.")
      return
    }
    html.element("ul", ["class": "legend", "id": "legend"]) { list in
      for (kind, count) in kinds {
        list.element(
          "li",
          [
            "class": "chip \(KindPalette.cssClass(of: kind))", "data-kind": kind.rawValue,
            "data-count": String(count),
          ]
        ) { chip in
          chip.element("span", ["class": "swatch"], text: "")
          chip.element("span", text: kind.rawValue)
          chip.element("span", ["class": "count"], text: String(count))
        }
      }
    }
  }
}

/// The legend of languages: a chip per language with its colour and share of the text.
struct LanguageLegend {
  /// Each language with its code point count, in the order to show.
  let sizes: [(language: String, size: Int)]

  /// The languages of `paragraphs`, largest first (ties by first appearance).
  init(_ paragraphs: [SegmentPieces.Piece]) {
    var order: [String] = []
    var totals: [String: Int] = [:]
    for piece in paragraphs {
      guard let language = piece.segment?.language else { continue }
      if totals[language] == nil { order.append(language) }
      totals[language, default: 0] += piece.text.unicodeScalars.count
    }
    sizes = order.enumerated()
      .sorted { (totals[$1.element]!, $0.offset) < (totals[$0.element]!, $1.offset) }
      .map { ($0.element, totals[$0.element]!) }
  }

  func render(_ html: inout HTMLWriter, palette: inout LanguagePalette) {
    let total = max(1, sizes.reduce(0) { $0 + $1.size })
    html.element("ul", ["class": "legend", "id": "languages"]) { list in
      for (language, size) in sizes {
        let share = Percent(size, of: total)
        list.element(
          "li",
          [
            "class": "chip lang", "data-language": language,
            "style": "--lang:\(palette.color(of: language))",
          ]
        ) { chip in
          chip.element("span", ["class": "swatch"], text: "")
          chip.element("span", text: language)
          chip.element("span", ["class": "count"], text: share.description)
        }
      }
    }
  }
}
