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
}
