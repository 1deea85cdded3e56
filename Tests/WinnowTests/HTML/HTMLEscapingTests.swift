import Testing

@testable import Winnow

@Suite struct HTMLEscapingTests {
  @Test(
    arguments: [
      ("plain text, كلمات, 中文", "plain text, كلمات, 中文"),
      ("<script>alert(\"x\")</script>", "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
      ("</td></tr></table>", "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"),
      ("Tom & Jerry's &amp;", "Tom &amp; Jerry&#39;s &amp;amp;"),
      ("nul\u{0}bell\u{7}del\u{7F}", "nul\u{2400}bell\u{2407}del\u{2421}"),
      ("tab\tstays", "tab\tstays"),
    ])
  func escapes(_ text: String, _ expected: String) {
    #expect(HTMLEscaping.escape(text) == expected)
  }

  @Test func attributeValuesAreEscapedAndNilOnesLeftOut() {
    var html = HTMLWriter()
    html.element("span", ["title": "a \"quoted\" <b>", "data-x": nil], text: "x<y")
    #expect(html.html == "<span title=\"a &quot;quoted&quot; &lt;b&gt;\">x&lt;y</span>")
  }

  @Test func elementsCloseInTheOrderTheyOpened() {
    var html = HTMLWriter()
    html.element("table") { table in
      table.open("tr")
      table.element("td", text: "1")
      table.close()
      table.empty("rect", ["x": "1"], svg: true)
      table.empty("input", ["type": "checkbox"])
    }
    #expect(
      html.html == "<table><tr><td>1</td></tr><rect x=\"1\"/><input type=\"checkbox\"></table>")
  }
}
