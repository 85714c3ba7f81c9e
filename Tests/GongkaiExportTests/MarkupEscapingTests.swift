import Testing
@testable import GongkaiExport

@Suite struct MarkupEscapingTests {
  /// A `<` or `"` that a combining mark follows is one Character with it, but still the byte a parser ends a tag or an
  /// attribute at: escaped like any other.
  @Test(arguments: [
    ("<\u{338}script>", "&lt;\u{338}script&gt;"),
    ("\"\u{301} onmouseover=x", "&quot;\u{301} onmouseover=x"),
    ("A&B 'c' <d>", "A&amp;B &#39;c&#39; &lt;d&gt;"),
    ("杨浦区人民政府门户网站", "杨浦区人民政府门户网站"),
    ("", ""),
  ])
  func everyMarkupByteIsEscapedWhereverItStands(value: String, escaped: String) {
    #expect(MarkupContentType().escapeText(value) == escaped)
  }

  /// Every HTML template and the feed name the escaping, partials too: the library starts each partial in its own.
  @Test func everyMarkupTemplateNamesIt() {
    let pragma = "{{% CONTENT_TYPE: \(MarkupContentType.name)}}\n"
    for template in [NoticeTemplates.timeline, NoticeTemplates.projectHTML, NoticeTemplates.indexHead, NoticeTemplates.indexRow,
                     NoticeTemplates.indexFoot, NoticeTemplates.atom] {
      #expect(template.hasPrefix(pragma), "\(template.prefix(80))")
    }
  }
}
