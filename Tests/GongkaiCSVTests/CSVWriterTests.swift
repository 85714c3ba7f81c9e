import Testing
@testable import GongkaiCSV

@Suite struct CSVWriterTests {
  @Test(arguments: [
    ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
    ("+86 21 6543", "'+86 21 6543"),
    ("-1", "'-1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "\"'\rcmd\""),
    ("  =A1", "\"'  =A1\""),
  ])
  func neutralisesWhatASpreadsheetWouldRunAsAFormula(value: String, written: String) {
    #expect(CSVWriter.cell(.value(value)) == written)
  }

  /// A value with an apostrophe of its own before a formula byte gets one more, so that reading the cell back,
  /// which drops the escape, leaves the value's own; an apostrophe before anything else is left alone.
  @Test(arguments: [
    ("'=SUM(A1)", "''=SUM(A1)"),
    ("''+86", "'''+86"),
    ("'HT-1", "'HT-1"),
    ("'", "'"),
    ("''", "''"),
  ])
  func escapesAnApostropheBeforeAFormula(value: String, written: String) {
    #expect(CSVWriter.cell(.value(value)) == written)
  }

  /// What the reader drops is exactly what the writer added, for values with and without apostrophes of their own.
  @Test(arguments: ["=1", "'=1", "''-2", "'x", "x", "'", "''", "@a", "'@a", "' -1"])
  func readingDropsOnlyTheWrittenApostrophe(value: String) {
    let written = Array(CSVWriter.cell(.value(value)).utf8)
    let read = written.withUnsafeBufferPointer { cell in
      String(decoding: FormulaEscape.isWritten(in: cell) ? cell.dropFirst() : cell[...], as: UTF8.self)
    }
    #expect(read == value)
  }

  /// Excel would show an 18-digit 文号 as 3.10110E+17 and keep 15 digits of it, and `0012` as 12: such cells are
  /// written after a tab, which Excel and WPS read as text; shorter numbers, and counts, stay numbers. `12E3` would
  /// become 12000.
  @Test(arguments: [
    ("310110202507150301", "\t310110202507150301"),
    ("123456789012", "\t123456789012"),
    ("0012", "\t0012"),
    ("12345678901", "12345678901"),
    ("0", "0"),
    ("42", "42"),
    ("2026-11-27", "2026-11-27"),
    ("310110202507150301号", "310110202507150301号"),
    ("12E3", "\t12E3"),
    ("1.5e-2", "\t1.5e-2"),
    ("3E+05", "\t3E+05"),
    ("12E", "12E"),
    ("E12", "E12"),
    ("1.E5", "\t1.E5"),
    ("1.5E", "1.5E"),
    ("12E3号", "12E3号"),
    ("1.5", "1.5"),
  ])
  func keepsLongAndZeroLedDigitsAsText(value: String, written: String) {
    #expect(CSVWriter.cell(.value(value)) == written)
  }

  @Test func quotesOnlyWhatRFC4180Requires() {
    #expect(CSVWriter.cell(.value("杨浦区建设和管理委员会")) == "杨浦区建设和管理委员会")
    #expect(CSVWriter.cell(.value("中标人：甲公司, 乙公司")) == "\"中标人：甲公司, 乙公司\"")
    #expect(CSVWriter.cell(.value("第一行\n第二行")) == "\"第一行\n第二行\"")
    #expect(CSVWriter.cell(.value("他说\"好\"")) == "\"他说\"\"好\"\"\"")
    #expect(CSVWriter.cell(.value(" 前后有空格 ")) == "\" 前后有空格 \"")
    #expect(CSVWriter.cell(.value("")) == "")
  }

  @Test func recordsEndInCRLF() {
    #expect(CSVWriter.record([.value("a"), .text("b,c"), .value("2026-11-27")]) == "a,\"b,c\",2026-11-27\r\n")
  }

  /// Excel and WPS turn typed text that looks like a date, a time or a number into one on opening, and the text is
  /// lost once the file is saved: a 文号 `2026-01` would become January 2026. Such text is written after a tab;
  /// values gongkai formats (a date column, a count) are left for the spreadsheet to read as what they are, and text
  /// a spreadsheet leaves alone gets nothing.
  @Test(arguments: [
    ("2026-01", "\t2026-01"),
    ("1-2", "\t1-2"),
    ("3/4", "\t3/4"),
    ("12:30", "\t12:30"),
    ("1.50", "\t1.50"),
    ("50%", "\t50%"),
    ("12", "\t12"),
    ("TRUE", "\tTRUE"),
    ("false", "\tfalse"),
    ("2026年1月2日", "\t2026年1月2日"),
    ("上午10时30分", "\t上午10时30分"),
    ("Jan-26", "\tJan-26"),
    ("1 May 2026", "\t1 May 2026"),
    ("(12)", "\t(12)"),
    ("¥1,000", "\"\t¥1,000\""),
    ("1,000", "\"\t1,000\""),
    ("3号线", "3号线"),
    ("沪规划资源许〔2026〕12号", "沪规划资源许〔2026〕12号"),
    ("HT-2026-01", "HT-2026-01"),
    ("https://example.gov.cn/1", "https://example.gov.cn/1"),
    ("2026-01A栋", "2026-01A栋"),
    ("true story", "true story"),
    ("-12", "'-12"),
    ("年月", "年月"),
    ("２０２６－０１", "\t２０２６－０１"),
    ("１２：３０", "\t１２：３０"),
    ("５０％", "\t５０％"),
    ("１号楼", "１号楼"),
    (" TRUE ", "\"\t TRUE \""),
    ("#N/A", "\t#N/A"),
    ("#value!", "\t#value!"),
    ("Err:509", "\tErr:509"),
    ("#3号楼", "#3号楼"),
    ("Err:5090", "Err:5090"),
  ])
  func keepsTypedTextASpreadsheetWouldConvert(value: String, written: String) {
    #expect(CSVWriter.cell(.text(value)) == written)
  }

  @Test(arguments: ["2026-11-27", "12", "1.5", "50%", "true"])
  func leavesFormattedValuesToTheSpreadsheet(value: String) {
    #expect(CSVWriter.cell(.value(value)) == value)
  }
}
