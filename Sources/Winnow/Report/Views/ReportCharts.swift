import Foundation

/// The report's charts: removed lines by kind and by rule, documents by language, drops and
/// failures, and documents by size before and after cleaning.
struct ReportCharts {
  let tally: CorpusTally
  /// Bars beyond this many are summed into one `other` bar, so a chart stays readable.
  static let maxBars = 30

  func render(_ html: inout HTMLWriter, palette: inout LanguagePalette) {
    html.element("div", ["class": "charts"]) { charts in
      panel(&charts, "Removed lines by kind") { panel in
        chart(tally.removedByKind, name: "kinds", color: Self.kindColor).render(&panel)
        if tally.removedByKind.total == 0 {
          panel.element("p", ["class": "note"], text: "No line was removed.")
        }
      }
      panel(&charts, "Removed lines by rule") { panel in
        if tally.explainedRecords == 0 {
          panel.element(
            "p", ["class": "note"],
            text: "The records carry no winnow.removed_lines: make them with "
              + "winnow clean --explain to see the rules.")
        } else {
          let kinds = tally.kindOfRule
          chart(tally.removedByRule, name: "rules") { Self.kindColor(kinds[$0] ?? "") }
            .render(&panel)
        }
      }
      panel(&charts, "Documents by language") { panel in
        var colors = palette
        chart(tally.documentsByLanguage, name: "languages") { colors.color(of: $0) }
          .render(&panel)
        palette = colors
      }
      panel(&charts, "Dropped and failed documents") { panel in
        var outcome = BoundedCounter()
        for (reason, count) in tally.dropped.ranked { outcome.add("dropped: \(reason)", count) }
        for (code, count) in tally.failed.ranked { outcome.add("failed: \(code)", count) }
        if outcome.total == 0 {
          panel.element("p", ["class": "note"], text: "No document was dropped or failed.")
        } else {
          chart(outcome, name: "outcomes") { $0.hasPrefix("failed") ? "#c2413b" : "#9aa1ab" }
            .render(&panel)
        }
      }
      panel(&charts, "Characters per record, before and after") { panel in
        sizeHistogram.render(&panel)
        panel.element(
          "p", ["class": "note"],
          text: "Bands double in size (K = 1,024 characters); hover a bar for its range.")
      }
      panel(&charts, "Share of characters kept per record") { panel in
        Histogram(
          bins: (0..<10).map { ("\($0 * 10)%", "\($0 * 10)–\($0 == 9 ? 100 : $0 * 10 + 9)%") },
          series: [Series.kept(tally.keptShare.counts)], name: "kept-share"
        ).render(&panel)
      }
    }
  }

  private func panel(
    _ html: inout HTMLWriter, _ title: String, _ body: (inout HTMLWriter) -> Void
  ) {
    html.element("section", ["class": "panel"]) { panel in
      panel.element("h2", text: title)
      body(&panel)
    }
  }

  /// The counter's largest names as bars; the rest as one `other` bar.
  private func chart(
    _ counter: BoundedCounter, name: String, color: (String) -> String
  ) -> BarChart {
    let ranked = counter.ranked
    var bars = ranked.prefix(Self.maxBars).map {
      BarChart.Bar(label: $0.name, value: $0.count, color: color($0.name))
    }
    let rest = ranked.dropFirst(Self.maxBars).reduce(counter.other) { $0.saturatingAdd($1.count) }
    if rest > 0 { bars.append(BarChart.Bar(label: "other", value: rest, color: "#c4c8cf")) }
    return BarChart(bars: bars, name: name)
  }

  private static func kindColor(_ kind: String) -> String {
    BoilerplateKind(rawValue: kind).map(KindPalette.color) ?? "#9aa1ab"
  }

  private var sizeHistogram: Histogram {
    let before = tally.charsIn
    let after = tally.charsOut
    let bands: ClosedRange<Int>
    switch (before.usedBands, after.usedBands) {
    case (let first?, let second?):
      bands = min(first.lowerBound, second.lowerBound)...max(first.upperBound, second.upperBound)
    case (let only?, nil), (nil, let only?): bands = only
    case (nil, nil): bands = 0...0
    }
    return Histogram(
      bins: bands.map { band in
        let low = SizeHistogram.lowerBound(of: band)
        let high = band == 0 ? 0 : SizeHistogram.lowerBound(of: band + 1) - 1
        return (Self.compact(low), low == high ? "\(low) characters" : "\(low)–\(high) characters")
      },
      series: [
        Series(name: "before", color: "#9db4d6", counts: bands.map { before.counts[$0] }),
        Series(name: "after", color: "#3b7d4f", counts: bands.map { after.counts[$0] }),
      ], name: "sizes")
  }

  private typealias Series = Histogram.Series

  /// `512`, `1K`, `64K`, `2M`: powers of two in binary units.
  private static func compact(_ value: Int) -> String {
    switch value {
    case ..<1024: String(value)
    case ..<(1 << 20): "\(value >> 10)K"
    case ..<(1 << 30): "\(value >> 20)M"
    default: "\(value >> 30)G"
    }
  }
}

extension Histogram.Series {
  fileprivate static func kept(_ counts: [Int]) -> Histogram.Series {
    Histogram.Series(name: "records", color: "#3b7d4f", counts: counts)
  }
}
