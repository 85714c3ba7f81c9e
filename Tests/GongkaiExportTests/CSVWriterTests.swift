import Testing
@testable import GongkaiExport

@Suite struct CSVWriterTests {
  @Test(arguments: [
    ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
    ("+86 21 6543", "'+86 21 6543"),
    ("-1", "'-1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "\"'\rcmd\""),
  ])
  func neutralisesWhatASpreadsheetWouldRunAsAFormula(value: String, written: String) {
    #expect(CSVWriter.cell(value) == written)
  }

  @Test func quotesOnlyWhatRFC4180Requires() {
    #expect(CSVWriter.cell("杨浦区建设和管理委员会") == "杨浦区建设和管理委员会")
    #expect(CSVWriter.cell("中标人：甲公司, 乙公司") == "\"中标人：甲公司, 乙公司\"")
    #expect(CSVWriter.cell("第一行\n第二行") == "\"第一行\n第二行\"")
    #expect(CSVWriter.cell("他说\"好\"") == "\"他说\"\"好\"\"\"")
    #expect(CSVWriter.cell(" 前后有空格 ") == "\" 前后有空格 \"")
    #expect(CSVWriter.cell("") == "")
  }

  @Test func recordsEndInCRLF() {
    #expect(CSVWriter.record(["a", "b,c", "2026-11-27"]) == "a,\"b,c\",2026-11-27\r\n")
  }
}
