import Foundation

/// A share written for people: `71%`, `0.4%` below 1 %, `<0.1%` for a sliver, never a
/// rounded `0%` for something that is there.
struct Percent: CustomStringConvertible {
  let value: Double

  init(_ part: Int, of whole: Int) {
    value = whole > 0 ? Double(part) / Double(whole) * 100 : 0
  }

  var description: String {
    switch value {
    case 0: "0%"
    case ..<0.1: "<0.1%"
    case ..<1: String(format: "%.1f%%", value)
    default: String(format: "%.0f%%", value)
    }
  }
}
