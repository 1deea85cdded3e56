/// The page's title, byline, date and reader comments as the record carries them: they leave
/// the text, so the view names them apart as well as marking their lines.
struct MetaFields {
  let title: String?
  let byline: String?
  let date: String?
  /// The record's `comments`, one entry per comment.
  var comments: [String] = []

  var isEmpty: Bool { title == nil && byline == nil && date == nil && comments.isEmpty }

  func render(_ html: inout HTMLWriter) {
    html.element("dl", ["class": "meta-fields", "id": "meta"]) { list in
      for (name, value) in [("title", title), ("byline", byline), ("date", date)] {
        guard let value else { continue }
        list.element("dt", text: name)
        list.element("dd", ["dir": "auto", "data-meta": name], text: value)
      }
      guard !comments.isEmpty else { return }
      list.element("dt", text: "comments (\(comments.count))")
      list.element("dd", ["data-meta": "comments"]) { cell in
        cell.element("ol", ["class": "comments"]) { items in
          for comment in comments { items.element("li", ["dir": "auto"], text: comment) }
        }
      }
    }
  }
}
