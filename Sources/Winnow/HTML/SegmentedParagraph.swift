import Foundation

/// One kept paragraph with its language: a coloured margin cell (split in proportion when the
/// paragraph holds several segments) and the text, with each segment underlined in its colour
/// when there is more than one.
struct SegmentedParagraph {
  let pieces: [SegmentPieces.Piece]

  /// The language the margin names: that of the segment covering most of the paragraph.
  var language: String? { SegmentPieces.dominant(pieces)?.language }

  /// The margin cell; its title lists the segments (`en Latn 0.99`).
  func margin(_ html: inout HTMLWriter, palette: inout LanguagePalette) {
    let segmented = pieces.filter { $0.segment != nil }
    guard !segmented.isEmpty else {
      html.element("td", ["class": "lang", "title": "no language segment"], text: "")
      return
    }
    let described = segmented.map { Self.describe($0.segment!) }
    var seen = Set<String>()
    let title = described.filter { seen.insert($0).inserted }.joined(separator: " · ")
    html.element(
      "td", ["class": "lang", "title": title, "style": background(segmented, &palette)], text: "")
  }

  /// The paragraph's text; underlined per segment only when it has more than one.
  func text(_ html: inout HTMLWriter, palette: inout LanguagePalette) {
    let segments = Set(pieces.compactMap(\.segment))
    guard segments.count > 1 else {
      html.text(pieces.map(\.text).joined())
      return
    }
    for piece in pieces {
      guard let segment = piece.segment else {
        html.text(piece.text)
        continue
      }
      html.element(
        "span",
        [
          "class": "seg", "title": Self.describe(segment),
          "style": "--lang:\(palette.color(of: segment.language))",
        ], text: piece.text)
    }
  }

  /// `--lang` for one segment; a top-to-bottom gradient with a band per piece for several.
  private func background(_ segmented: [SegmentPieces.Piece], _ palette: inout LanguagePalette)
    -> String
  {
    let colors = segmented.map { palette.color(of: $0.segment!.language) }
    guard Set(colors).count > 1 else { return "--lang:\(colors[0])" }
    let sizes = segmented.map { max(1, $0.text.unicodeScalars.count) }
    let total = Double(sizes.reduce(0, +))
    var stops: [String] = []
    var start = 0
    for (color, size) in zip(colors, sizes) {
      let from = Double(start) / total * 100
      start += size
      let to = Double(start) / total * 100
      stops.append("\(color) \(String(format: "%.1f", from))% \(String(format: "%.1f", to))%")
    }
    return "--lang:linear-gradient(\(stops.joined(separator: ",")))"
  }

  /// `zh Hans 0.93`: the language, script and confidence of a segment.
  static func describe(_ segment: Segment) -> String {
    "\(segment.language) \(segment.script) \(String(format: "%.2f", segment.confidence))"
  }
}
