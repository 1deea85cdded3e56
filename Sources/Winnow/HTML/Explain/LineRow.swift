import Foundation

/// One line as a table row: its number, its fate in a side column (the verdict or kind, the
/// rule, the score when the rule was not certain), the language margin, and the text, struck
/// through in the kind's colour when dropped. The row's title says the same in one sentence,
/// for hovering. The explain view shows every line of a page this way, the report the lines
/// of its sampled records.
struct LineRow {
  /// The 1-based line number in the input, when known.
  var number: Int?
  var text: String
  var fate: LineFate
  /// The line as decoded, when the normalize stage repaired it.
  var original: String?
  /// The paragraph's language pieces, for a kept line.
  var paragraph: SegmentedParagraph?
  /// Shown in the side column on the first line of a run in a new language.
  var languageChange: String?
  /// Makes the row ids unique when a view shows several pages (`p3-L12`).
  var idPrefix = ""

  init(_ line: Line, paragraph: SegmentedParagraph? = nil, languageChange: String? = nil) {
    number = line.number
    text = line.text
    fate = LineFate(line)
    original = line.original
    self.paragraph = paragraph
    self.languageChange = languageChange
  }

  init(number: Int?, text: String, fate: LineFate, idPrefix: String) {
    self.number = number
    self.text = text
    self.fate = fate
    self.idPrefix = idPrefix
  }

  func render(_ html: inout HTMLWriter, palette: inout LanguagePalette) {
    html.element(
      "tr",
      [
        "id": number.map { "\(idPrefix)L\($0)" }, "class": rowClass,
        "data-verdict": fate.verdict.rawValue, "data-kind": fate.kind?.rawValue ?? dropLabel,
        "title": hoverText,
      ]
    ) { row in
      row.element("td", ["class": "n"], text: number.map(String.init) ?? "")
      row.element("td", ["class": "fate"]) { cell in
        if let languageChange { cell.element("span", ["class": "code"], text: languageChange) }
        cell.element("span", ["class": "verdict"], text: fate.label)
        if let score = fate.score {
          cell.element("span", ["class": "score"], text: " " + Self.format(score))
        }
        if let rule = fate.rule { cell.element("span", ["class": "rule"], text: rule.rawValue) }
      }
      if let paragraph {
        paragraph.margin(&row, palette: &palette)
      } else {
        row.element("td", ["class": "lang"], text: "")
      }
      row.element("td", ["class": "text", "dir": "auto"]) { cell in
        if let paragraph {
          paragraph.text(&cell, palette: &palette)
        } else {
          cell.text(text)
        }
        if let original {
          cell.element("span", ["class": "repair", "dir": "auto"]) { repair in
            repair.element("span", ["class": "label"], text: "before repair")
            repair.element("del", text: original)
          }
        }
      }
    }
  }

  /// A dropped line's kind as written, for kinds this version does not know (a record made
  /// by another version).
  private var dropLabel: String? { fate.verdict == .drop ? fate.label : nil }

  private var rowClass: String {
    switch fate.verdict {
    case .drop: fate.kind.map { "drop " + KindPalette.cssClass(of: $0) } ?? "drop"
    case .meta: "meta"
    case .keep: fate.label == "heading" ? "keep heading" : "keep"
    case .blank: "blank"
    }
  }

  /// `line 1: dropped as navigation by rule context.above-title (score 0.62)`.
  private var hoverText: String {
    let what =
      switch fate.verdict {
      case .drop: "dropped as \(fate.label)"
      case .meta: "the page's \(fate.label), moved out of the text"
      case .keep: "kept as \(fate.label)"
      case .blank: "blank"
      }
    let rule = fate.rule.map { " by rule \($0.rawValue)" } ?? ""
    let score = fate.score.map { " (score \(Self.format($0)))" } ?? ""
    let repaired = original == nil ? "" : "; repaired"
    let place = number.map { "line \($0): " } ?? ""
    return "\(place)\(what)\(rule)\(score)\(repaired)"
  }

  private static func format(_ score: Double) -> String { String(format: "%.2f", score) }
}
