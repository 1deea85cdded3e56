import Foundation

/// A horizontal bar chart as inline SVG: a label, a bar scaled to the largest value, and the
/// value after it. Long labels are shortened on screen and given whole in the bar's tooltip.
/// `data-label` and `data-value` on each bar let a test read the chart back.
struct BarChart {
  struct Bar {
    var label: String
    var value: Int
    var color: String
  }

  var bars: [Bar]
  /// A name for the chart (`data-chart`), e.g. `kinds`.
  var name: String

  private static let width = 520
  private static let rowHeight = 22
  private static let labelWidth = 200
  private static let labelCharacters = 28
  /// Room right of the longest bar for its value.
  private static let valueRoom = 64

  func render(_ html: inout HTMLWriter) {
    let height = bars.count * Self.rowHeight + 4
    let largest = max(1, bars.map(\.value).max() ?? 1)
    let room = Double(Self.width - Self.labelWidth - Self.valueRoom)
    html.element(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(Self.width) \(height)",
        "width": String(Self.width), "height": String(height), "role": "img",
        "data-chart": name,
      ]
    ) { svg in
      for (index, bar) in bars.enumerated() {
        let top = index * Self.rowHeight + 2
        let middle = top + Self.rowHeight / 2
        let length = max(2, (Double(max(0, bar.value)) / Double(largest) * room).rounded())
        svg.element(
          "g", ["class": "bar", "data-label": bar.label, "data-value": String(bar.value)]
        ) { group in
          group.element("title", text: "\(bar.label): \(bar.value)")
          group.element(
            "text",
            [
              "class": "label", "x": String(Self.labelWidth - 8), "y": String(middle),
              "text-anchor": "end", "dominant-baseline": "middle",
            ], text: Self.shortened(bar.label))
          group.empty(
            "rect",
            [
              "x": String(Self.labelWidth), "y": String(top + 3), "width": String(Int(length)),
              "height": String(Self.rowHeight - 6), "rx": "3", "fill": bar.color,
            ], svg: true)
          group.element(
            "text",
            [
              "class": "value", "x": String(Self.labelWidth + Int(length) + 6),
              "y": String(middle), "dominant-baseline": "middle",
            ], text: String(bar.value))
        }
      }
    }
  }

  private static func shortened(_ label: String) -> String {
    label.count <= labelCharacters ? label : String(label.prefix(labelCharacters - 1)) + "…"
  }
}
