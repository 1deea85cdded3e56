/// A row of headline numbers (`Encoding UTF-8`, `Lines kept 15 of 41`), each with an optional
/// tooltip for the detail behind it.
struct FactList {
  struct Fact {
    var label: String
    var value: String
    var detail: String?
    /// A stable name for scripts and tests (`data-fact`).
    var key: String
  }

  var facts: [Fact]

  func render(_ html: inout HTMLWriter) {
    html.element("dl", ["class": "facts"]) { list in
      for fact in facts {
        list.element("div", ["data-fact": fact.key, "title": fact.detail]) { item in
          item.element("dt", text: fact.label)
          item.element("dd", text: fact.value)
        }
      }
    }
  }
}
