/// A histogram as inline SVG: vertical bars per bin, one bar per series side by side, a count
/// axis on the left and the bins' labels below. Each bar's tooltip gives its bin and count.
struct Histogram {
  struct Series {
    var name: String
    var color: String
    var counts: [Int]
  }

  /// A short label under each bin (`1K`) and the bin's full description for tooltips.
  var bins: [(label: String, description: String)]
  var series: [Series]
  /// A name for the chart (`data-chart`).
  var name: String

  private static let width = 520
  private static let height = 230
  private static let left = 44
  private static let bottom = 34
  private static let top = 10

  func render(_ html: inout HTMLWriter) {
    let plotWidth = Self.width - Self.left - 8
    let plotHeight = Self.height - Self.bottom - Self.top
    let largest = max(1, series.flatMap(\.counts).max() ?? 1)
    let binWidth = Double(plotWidth) / Double(max(1, bins.count))
    let barWidth = max(1, (binWidth - 4) / Double(max(1, series.count)))
    // Label every bin while they fit, else every second or third.
    let labelStep = max(1, Int((28 / binWidth).rounded(.up)))
    if series.count > 1 {
      html.element("ul", ["class": "legend"]) { legend in
        for series in series {
          legend.element("li", ["class": "chip lang", "style": "--lang:\(series.color)"]) { chip in
            chip.element("span", ["class": "swatch"], text: "")
            chip.element("span", text: series.name)
          }
        }
      }
    }
    html.element(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": "0 0 \(Self.width) \(Self.height)", "width": String(Self.width),
        "height": String(Self.height), "role": "img", "data-chart": name,
      ]
    ) { svg in
      let baseline = Self.top + plotHeight
      svg.empty(
        "line",
        [
          "class": "axis", "x1": String(Self.left), "x2": String(Self.width - 8),
          "y1": String(baseline), "y2": String(baseline),
        ], svg: true)
      for (value, y) in [(largest, Self.top + 4), (0, baseline)] {
        svg.element(
          "text",
          [
            "class": "value", "x": String(Self.left - 6), "y": String(y),
            "text-anchor": "end", "dominant-baseline": "middle",
          ], text: String(value))
      }
      for (bin, (label, description)) in bins.enumerated() {
        let binLeft = Double(Self.left) + Double(bin) * binWidth + 2
        for (position, series) in series.enumerated() {
          let count = bin < series.counts.count ? series.counts[bin] : 0
          let barHeight = Double(count) / Double(largest) * Double(plotHeight)
          let x = binLeft + Double(position) * barWidth
          svg.element(
            "g",
            ["class": "bar", "data-series": series.name, "data-value": String(count)]
          ) { group in
            group.element("title", text: "\(series.name), \(description): \(count)")
            group.empty(
              "rect",
              [
                "x": Self.format(x), "y": Self.format(Double(baseline) - barHeight),
                "width": Self.format(barWidth), "height": Self.format(barHeight),
                "fill": series.color,
              ], svg: true)
          }
        }
        if bin % labelStep == 0 {
          svg.element(
            "text",
            [
              "class": "label", "x": Self.format(binLeft + (binWidth - 4) / 2),
              "y": String(baseline + 16), "text-anchor": "middle",
            ], text: label)
        }
      }
    }
  }

  private static func format(_ value: Double) -> String {
    let tenths = (value * 10).rounded() / 10
    return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
  }
}
