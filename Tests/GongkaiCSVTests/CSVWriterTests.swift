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
  ])
  func neutralisesWhatASpreadsheetWouldRunAsAFormula(value: String, written: String) {
    #expect(CSVWriter.cell(value) == written)
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
    #expect(CSVWriter.cell(value) == written)
  }

  /// What the reader drops is exactly what the writer added, for values with and without apostrophes of their own.
  @Test(arguments: ["=1", "'=1", "''-2", "'x", "x", "'", "''", "@a", "'@a"])
  func readingDropsOnlyTheWrittenApostrophe(value: String) {
    let written = Array(CSVWriter.cell(value).utf8)
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
