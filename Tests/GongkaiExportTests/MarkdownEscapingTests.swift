import Testing
@testable import GongkaiExport

@Suite struct MarkdownEscapingTests {
  /// A summary's lines follow hard breaks, so each value starts a line: nothing there may start a list.
  @Test(arguments: [
    ("- 条目", "\\- 条目"),
    ("  + 条目", "  \\+ 条目"),
    ("1. 条目", "1\\. 条目"),
    ("12) 条目", "12\\) 条目"),
    ("2026年1.5亿元", "2026年1.5亿元"),
    ("第1. 条", "第1. 条"),
  ])
  func aLineCannotStartAList(value: String, escaped: String) {
    #expect(MarkdownContentType().escapeText(value) == escaped)
  }

  /// Syntax a combining mark follows is still syntax: the `|` of a unit's name would split its table cell, the `*`
  /// around a summary's words would make them emphasis.
  @Test(arguments: [
    ("上海|\u{301}浦东", "上海\\|\u{301}浦东"),
    ("*\u{301}要点*\u{301}", "\\*\u{301}要点\\*\u{301}"),
    ("[\u{308}链接](x)", "\\[\u{308}链接\\](x)"),
  ])
  func syntaxFollowedByACombiningMarkIsEscaped(value: String, escaped: String) {
    #expect(MarkdownContentType().escapeText(value) == escaped)
  }

  /// A line break of any system becomes one space: a Windows break (\r\n, one Character) left in place started a
  /// new line, where a list marker then started a list.
  @Test func everyLineBreakBecomesOneSpace() {
    #expect(MarkdownContentType().escapeText("第一行\r\n- 第二行\r第三行\n第四行") == "第一行 - 第二行 第三行 第四行")
  }
}
