import Foundation

/// A tolerant reading of an HTML file, enough to check what the views promise: tags are well
/// nested, and no attribute fetches anything. Not a parser: it skips the `<style>` element's
/// CSS and relies on attribute values having `<` and `>` escaped, as the views do.
struct HTMLStructure {
  /// Problems found, e.g. `</td> closes <span>`; empty when the nesting is sound.
  private(set) var problems: [String] = []
  /// Every `src` and `href` value.
  private(set) var references: [String] = []
  /// How many times each start tag occurs.
  private(set) var tagCounts: [String: Int] = [:]

  private static let voidElements: Set<String> = ["meta", "input", "br", "img", "link", "hr"]

  init(_ html: String) {
    var text = html[...]
    var stack: [String] = []
    while let open = text.firstIndex(of: "<") {
      text = text[open...]
      guard let close = text.firstIndex(of: ">") else {
        problems.append("unclosed tag at the end")
        break
      }
      let tag = text[text.index(after: open)..<close]
      text = text[text.index(after: close)...]
      if tag.hasPrefix("!") { continue }
      let closing = tag.hasPrefix("/")
      let name = String(
        tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
      ).lowercased()
      if closing {
        if stack.last == name {
          stack.removeLast()
        } else {
          problems.append("</\(name)> closes <\(stack.last ?? "nothing")>")
        }
        continue
      }
      tagCounts[name, default: 0] += 1
      for match in tag.matches(of: /\s(?:src|href)="([^"]*)"/) {
        references.append(String(match.output.1))
      }
      if Self.voidElements.contains(name) || tag.hasSuffix("/") { continue }
      if name == "style", let end = text.range(of: "</style>") {
        text = text[end.upperBound...]
        continue
      }
      stack.append(name)
    }
    if !stack.isEmpty { problems.append("left open: \(stack.joined(separator: " "))") }
  }

  /// `href` and `src` values that leave the file (anything but an anchor `#...`).
  var externalReferences: [String] { references.filter { !$0.hasPrefix("#") } }

  /// The values of `attribute` on elements that also carry `marker` (e.g. every `data-count`
  /// of the legend's chips), in document order.
  static func values(of attribute: String, in html: String, where marker: String = "")
    -> [String]
  {
    html.components(separatedBy: "<").dropFirst().compactMap { tag in
      guard let end = tag.firstIndex(of: ">") else { return nil }
      let inside = tag[..<end]
      guard marker.isEmpty || inside.contains(marker),
        let start = inside.range(of: " \(attribute)=\"")
      else { return nil }
      let value = inside[start.upperBound...].prefix { $0 != "\"" }
      return String(value)
    }
  }
}
