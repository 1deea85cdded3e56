/// The shell of every view: one self-contained HTML file. The stylesheet is inline and the
/// Content-Security-Policy forbids every fetch and every script, so the file makes no request
/// when opened, and a page's text could not run code even if escaping ever failed.
struct HTMLDocument {
  var title: String

  func render(_ body: (inout HTMLWriter) -> Void) -> String {
    var html = HTMLWriter()
    html.markup("<!DOCTYPE html>\n")
    html.element("html", ["lang": "en"]) { html in
      html.element("head") { head in
        head.empty("meta", ["charset": "utf-8"])
        head.empty(
          "meta",
          [
            "http-equiv": "Content-Security-Policy",
            "content": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
          ])
        head.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        head.element("title", text: title)
        head.element("style") { style in
          style.markup(Stylesheet.base)
          // Generated from the palette's fixed strings: class names and colours, no data.
          style.text(KindPalette.css)
        }
      }
      html.element("body") { body(&$0) }
    }
    html.markup("\n")
    return html.html
  }
}
