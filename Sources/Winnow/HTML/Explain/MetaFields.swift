/// The page's title, byline and date as the record carries them: they leave the text, so the
/// view names them apart as well as marking their lines.
struct MetaFields {
  let title: String?
  let byline: String?
  let date: String?

  var isEmpty: Bool { title == nil && byline == nil && date == nil }

  func render(_ html: inout HTMLWriter) {
    html.element("dl", ["class": "meta-fields", "id": "meta"]) { list in
      for (name, value) in [("title", title), ("byline", byline), ("date", date)] {
        guard let value else { continue }
        list.element("dt", text: name)
        list.element("dd", ["dir": "auto", "data-meta": name], text: value)
      }
    }
  }
}
