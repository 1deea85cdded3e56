/// Builds HTML text in order. Tag and attribute names are static strings (never data); every
/// text and attribute value goes through `HTMLEscaping`. Elements close in the order they
/// opened (`close()` takes no name), so the output is always well nested.
struct HTMLWriter {
  /// An element's attributes in the order written; a nil value leaves the attribute out.
  typealias Attributes = KeyValuePairs<StaticString, String?>

  private(set) var html = ""
  private var openTags: [StaticString] = []

  init() {}

  mutating func open(_ tag: StaticString, _ attributes: Attributes = [:]) {
    startTag(tag, attributes, selfClosing: false)
    openTags.append(tag)
  }

  mutating func close() {
    guard let tag = openTags.popLast() else { return }
    html += "</\(tag)>"
  }

  /// An element around whatever `body` writes.
  mutating func element(
    _ tag: StaticString, _ attributes: Attributes = [:], _ body: (inout HTMLWriter) -> Void
  ) {
    open(tag, attributes)
    body(&self)
    close()
  }

  /// An element holding `text` only.
  mutating func element(_ tag: StaticString, _ attributes: Attributes = [:], text: String) {
    open(tag, attributes)
    self.text(text)
    close()
  }

  /// An element with no content: HTML's void elements (`<meta>`, `<input>`), or an SVG shape
  /// written as `<rect ... />`.
  mutating func empty(_ tag: StaticString, _ attributes: Attributes = [:], svg: Bool = false) {
    startTag(tag, attributes, selfClosing: svg)
  }

  mutating func text(_ text: String) { html += HTMLEscaping.escape(text) }

  /// Markup written by Winnow itself (the stylesheet, a doctype), never data.
  mutating func markup(_ trusted: StaticString) { html += trusted.description }

  private mutating func startTag(
    _ tag: StaticString, _ attributes: Attributes, selfClosing: Bool
  ) {
    html += "<\(tag)"
    for (name, value) in attributes {
      guard let value else { continue }
      html += " \(name)=\"\(HTMLEscaping.escape(value))\""
    }
    html += selfClosing ? "/>" : ">"
  }
}
