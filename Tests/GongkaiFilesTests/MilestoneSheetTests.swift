import Foundation
import GongkaiCore
import GongkaiReference
import Testing
@testable import GongkaiFiles
import TestSupport

@Suite struct MilestoneSheetTests {
  func write(_ data: Data) throws -> URL {
    let url = Scratch.file("sheet.csv")
    try data.write(to: url)
    return url
  }

  func read(_ text: String) throws -> [MilestoneRow] {
    try MilestoneSheet.read(try write(Data(text.utf8)), catalogue: catalogue, today: today)
  }

  func problems(_ data: Data) throws -> [String] {
    let url = try write(data)
    do {
      _ = try MilestoneSheet.read(url, catalogue: catalogue, today: today)
      return []
    } catch {
      return error.problems.map { $0.description.replacingOccurrences(of: url.path, with: "f.csv") }
    }
  }

  let sheet = """
    项目代码,事项类型,形成日期,文号,摘要,公开日期,公开渠道,网址
    2024-310110-48-01-000123,bidding.result,2026-10-12,YPZB-2026-07,"中标人：上海某建设有限公司, 中标价 1.2亿元",2026-10-20,上海市公共资源交易平台,https://ggzy.example/7
    2024-310110-48-01-000123,approval-result.construction-permit,2026-11-02,,"第一行
    第二行",,,

    """

  @Test func readsChineseHeadersQuotedCommasAndLineBreaks() throws {
    let rows = try read(sheet)
    #expect(rows.map(\.line) == [2, 3])
    #expect(rows[0].entry.summary == "中标人：上海某建设有限公司, 中标价 1.2亿元")
    #expect(rows[0].entry.disclosures.first?.publishedOn == (try CivilDate(parsing: "2026-10-20")))
    #expect(rows[1].entry.summary == "第一行\n第二行")
    #expect(rows[1].entry.disclosures.isEmpty)
  }

  /// gongkai's own CSV writes `'+86-HT` for the 文号 +86-HT, lest a spreadsheet run it as a formula: read back, it is
  /// that 文号, not a second one. An apostrophe before anything else is the value's own, and so is the second of two
  /// before a formula byte (the value `'-HT` is written `''-HT`).
  @Test func theFormulaEscapeOfGongkaisCSVIsDropped() throws {
    let rows = try read("项目代码,事项类型,形成日期,文号,摘要\n"
      + "2024-310110-48-01-000123,bidding.result,2026-10-12,'+86-HT,'=SUM(A1)\n"
      + "2024-310110-48-01-000123,bidding.result,2026-10-13,'HT-1,'\n"
      + "2024-310110-48-01-000123,bidding.result,2026-10-14,''-HT,''=SUM(A1)\n")
    #expect(rows.map(\.entry.reference) == ["+86-HT", "'HT-1", "'-HT"])
    #expect(rows.map(\.entry.summary) == ["=SUM(A1)", "'", "'=SUM(A1)"])
  }

  /// Another CSV of gongkai's (the check's, with two dozen columns) is told as one problem, not two dozen.
  @Test func manyUnknownColumnsAreOneProblem() throws {
    let found = try problems(Data("项目代码,事项类型,形成日期,a,b,c,d,e,f,g,h,i,j\n".utf8))
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("f.csv:1: unknown columns a, b, c, d, e, f, g, h and 2 more; rename each to one of project (项目代码)") == true,
            "\(found)")
  }

  /// 文号 and ref are one column by two names: a header giving both names both, where they stand, and the fix.
  @Test func aColumnGivenTwiceNamesBothPlaces() throws {
    let found = try problems(Data("project,kind,formed,文号,ref\n2026-310110-48-01-000300,bidding.contract,2026-10-02,A,A\n".utf8))
    #expect(found == ["f.csv:1: ref: column given twice: column D (4) '文号' and column E (5) 'ref' are both the column ref (文号); delete one of them"],
            "\(found)")
  }

  /// A spreadsheet saves a row with its last cells empty as a shorter line: the cells it leaves out are empty, the
  /// 文号 and the columns after it alike.
  @Test func readsARowShorterThanTheHeaderAsEndingInEmptyCells() throws {
    let rows = try read("""
      project,kind,formed,ref
      2024-310110-48-01-000123,bidding.result,2026-11-02
      2024-310110-48-01-000123,bidding.result,2026-11-03,YP-1
      2024-310110-48-01-000123,bidding.result,2026-11-04

      """)
    #expect(rows.map(\.entry.reference) == [nil, "YP-1", nil])
  }

  @Test func readsUTF8WithByteOrderMarkAndCRLF() throws {
    let text = "\u{FEFF}" + sheet.replacingOccurrences(of: "\n", with: "\r\n")
    let rows = try MilestoneSheet.read(try write(Data(text.utf8)), catalogue: catalogue, today: today)
    #expect(rows.count == 2)
    #expect(rows[0].project.rawValue == "2024-310110-48-01-000123")
  }

  @Test func decodesGB18030AsExcelSavesIt() throws {
    let gb = try #require(sheet.data(using: CSVText.gb18030))
    #expect(String(data: gb, encoding: .utf8) == nil)
    let rows = try MilestoneSheet.read(try write(gb), catalogue: catalogue, today: today)
    #expect(rows[0].entry.summary == "中标人：上海某建设有限公司, 中标价 1.2亿元")
  }

  /// Excel and WPS save formatted but empty rows as commas and formatted columns as blank header cells: such a
  /// sheet imports, and a value under a blank header is refused rather than dropped.
  @Test func readsTheEmptyRowsAndColumnsSpreadsheetsLeave() throws {
    let rows = try read("项目代码,事项类型,形成日期,,\n2024-310110-48-01-000123,bidding.result,2026-10-12,,\n,,,,\n , ,\t,,\n")
    #expect(rows.map(\.line) == [2])
    #expect(try problems(Data("项目代码,事项类型,形成日期,\n2024-310110-48-01-000123,bidding.result,2026-10-12,x\n".utf8)) == [
      "f.csv:2: row: column D (4) holds a value but has no name in the header; name the column or clear it",
    ])
  }

  /// Excel and WPS show a number of 12 digits or more in scientific notation, and save it so. A 文号 of that form
  /// that is not such a number (`2E+3`), or that gongkai's own CSV kept as text behind a tab, is the 文号 recorded.
  @Test func refusesALongNumberAsASpreadsheetShowsItInPlaceOfA文号() throws {
    // A 施工许可证 文号 of 16 digits, typed into a column Excel formats as numbers and saved as it shows it
    let found = try problems(Data("""
      project,kind,formed,ref
      2024-310110-48-01-000123,approval-result.construction-permit,2026-09-30,3.10110E+15
      2024-310110-48-01-000123,approval-result.construction-permit,2026-09-30,1E+17
      2024-310110-48-01-000123,approval-result.construction-permit,2026-09-30,2E+3
      2024-310110-48-01-000123,approval-result.construction-permit,2026-09-30,3101102026093001
      2024-310110-48-01-000123,approval-result.construction-permit,2026-09-30,沪E+2026
      2024-310110-48-01-000123,approval-result.construction-permit,2026-09-30,3.1E-5
      2024-310110-48-01-000123,approval-result.construction-permit,2026-09-30,\t1E+17

      """.utf8))
    #expect(found == [
      "f.csv:2: ref: '3.10110E+15' is how Excel and WPS show a long number, with its last digits lost: format the column as text "
        + "(设置单元格格式 → 文本) and type the 文号 again",
      "f.csv:3: ref: '1E+17' is how Excel and WPS show a long number, with its last digits lost: format the column as text "
        + "(设置单元格格式 → 文本) and type the 文号 again",
    ])
  }

  /// A spreadsheet saves a cell whose formula failed, or whose value it could not read, as its error value: the
  /// value is gone, and the error would be published as the summary or recorded as the 文号.
  @Test func refusesASpreadsheetsErrorValueInPlaceOfText() throws {
    let found = try problems(Data("""
      project,kind,formed,ref,summary,channel,published
      2024-310110-48-01-000123,bidding.result,2026-09-30,#REF!,Err:509,#N/A,2026-10-08
      2024-310110-48-01-000123,bidding.result,2026-09-29,	#REF!,#3号楼,门户,2026-10-08

      """.utf8))
    let fix = "is the error a spreadsheet shows where a formula failed or a value could not be read, not the value: "
      + "type the value itself, in a cell formatted as text (设置单元格格式 → 文本)"
    #expect(found == ["f.csv:2: ref: '#REF!' \(fix)", "f.csv:2: summary: 'Err:509' \(fix)", "f.csv:2: channel: '#N/A' \(fix)"])
  }

  /// A sheet saved while it showed its formulas holds the formula where its value was: `=SUM(A1)` would be published as
  /// the summary. Refused, as an error value is; an `=` before anything but a name or a cell's address is text typed,
  /// and a cell gongkai's own CSV kept as text (its tab, or its apostrophe) holds the text recorded.
  @Test func refusesAFormulaInPlaceOfItsValue() throws {
    let found = try problems(Data("""
      project,kind,formed,ref,summary,channel,published,url
      2024-310110-48-01-000123,bidding.result,2026-09-30,=A1,=SUM(B2:B9),门户,2026-10-08,"=HYPERLINK(""https://x.example/1"")"
      2024-310110-48-01-000123,bidding.result,2026-09-29, = $C$3,=总投资8.5亿元,门户,2026-10-08,
      2024-310110-48-01-000123,bidding.result,2026-09-28,	=A1,'=SUM(A1),门户,2026-10-08,

      """.utf8))
    let fix = "is a spreadsheet formula, not its value (the sheet was saved showing its formulas): save the values "
      + "(复制 → 选择性粘贴 → 数值) or type the value itself"
    #expect(found == [
      "f.csv:2: ref: '=A1' \(fix)", "f.csv:2: summary: '=SUM(B2:B9)' \(fix)", "f.csv:2: url: '=HYPERLINK(\"https://x.example/1\")' \(fix)",
      "f.csv:2: url: '=HYPERLINK(\"https://x.example/1\")' is not accepted: use the full address of the publication, starting with "
        + "https:// (or http://)",
      "f.csv:3: ref: '= $C$3' \(fix)",
    ], "\(found)")
  }

  /// Ledgers fill a cell that has nothing with `/`, `无` or a dash: read as the empty cell it stands for, not recorded as
  /// a 文号 or a unit that the notices would publish and the morning alert file the item under.
  @Test func aPlaceholderInACellIsAnEmptyCell() throws {
    let rows = try read("""
      项目代码,事项类型,形成日期,文号,摘要,责任单位,公开日期,公开渠道,公示截止
      2024-310110-48-01-000123,bidding.contract,2026-09-30,无,/,—,2026-10-08,门户网站,－
      2024-310110-48-01-000123,bidding.contract,2026-09-29,-,暂无,N/A,,,

      """)
    #expect(rows.map(\.entry.reference) == [nil, nil])
    #expect(rows.map(\.entry.summary) == [nil, nil])
    #expect(rows.map(\.entry.responsibleUnit) == [nil, nil])
    #expect(rows[0].entry.disclosures.map(\.until) == [nil])
    // A publication's channel given as one is missing.
    let found = try problems(Data("项目代码,事项类型,形成日期,公开日期,公开渠道\n2024-310110-48-01-000123,bidding.contract,2026-09-30,2026-10-08,/\n".utf8))
    #expect(found.count == 1 && found[0].hasPrefix("f.csv:2: 公开渠道: is missing or empty"), "\(found)")
  }

  /// A text wrapped whole in the quotes an input method types would be published with them, and not match the same
  /// 文号 typed without: refused, as in a project file. Quotes inside a text are its own.
  @Test func refusesATextWrappedInAnInputMethodsQuotes() throws {
    let found = try problems(Data("""
      项目代码,事项类型,形成日期,文号,摘要,责任单位,公开日期,公开渠道
      2024-310110-48-01-000123,bidding.result,2026-09-30,“杨建〔2026〕5号”,「中标结果」,‘杨浦区建委’,2026-10-08,“门户网站”
      2024-310110-48-01-000123,bidding.result,2026-09-29,杨建〔2026〕6号,“十四五”规划项目,杨浦区建委,2026-10-08,门户网站

      """.utf8))
    #expect(found == [
      "f.csv:2: 文号: '“杨建〔2026〕5号”' is wrapped in “”, which would be recorded and published with it: remove them",
      "f.csv:2: 摘要: '「中标结果」' is wrapped in 「」, which would be recorded and published with it: remove them",
      "f.csv:2: 责任单位: '‘杨浦区建委’' is wrapped in ‘’, which would be recorded and published with it: remove them",
      "f.csv:2: 公开渠道: '“门户网站”' is wrapped in “”, which would be recorded and published with it: remove them",
    ], "\(found)")
  }

  /// A sheet formatted across more than a thousand columns saves them as commas: blank, they are skipped like any
  /// blank column, a value under one is refused by its column, and a header naming one is not a sheet of milestones.
  @Test func readsASheetWiderThanAThousandBlankColumns() throws {
    let blank = String(repeating: ",", count: 1200)
    let spaces = String(repeating: " ,", count: 1200)
    let rows = try read("project,kind,formed\(blank)\t\n2024-310110-48-01-000123,bidding.result,2026-11-02\(spaces)\n\(spaces) ,\t\n")
    #expect(rows.map(\.entry.kind) == ["bidding.result"])
    let value = String(repeating: ",", count: 1100) + "x" + String(repeating: ",", count: 100)
    #expect(try problems(Data("project,kind,formed\(blank)\n2024-310110-48-01-000123,bidding.result,2026-11-02\(value)\n".utf8)) == [
      "f.csv:2: row: column APK (1103) holds a value but has no name in the header; name the column or clear it",
    ])
    #expect(try problems(Data("project,kind,formed\(blank)ref\n".utf8)) == [
      "f.csv:1: the header names a column after its 1000th cell; a sheet of milestones has 12 columns at most: is this the right file?",
    ])
  }

  /// A row may name the milestone it changes as a project file does (KIND@DATE, #文号 where two share them): a link the
  /// rules do not make, or that names nothing readable, is refused at its line.
  @Test func readsTheMilestoneARowChanges() throws {
    let rows = try read("""
      project,kind,formed,所变更信息
      2024-310110-48-01-000123,quality-safety.penalty-withdrawal,2026-06-01,quality-safety.penalty@2026-05-11#罚1号
      2024-310110-48-01-000123,bidding.contract,2026-06-02,bidding.contract@2026-05-01#

      """)
    #expect(rows.map(\.entry.changes) == [
      MilestoneKey(kind: "quality-safety.penalty", formedOn: try CivilDate(parsing: "2026-05-11"), reference: "罚1号"),
      MilestoneKey(kind: "bidding.contract", formedOn: try CivilDate(parsing: "2026-05-01"), reference: ""),
    ])
    #expect(try problems(Data("""
      project,kind,formed,changes
      2024-310110-48-01-000123,bidding.contract,2026-06-02,quality-safety.penalty@2026-05-11
      2024-310110-48-01-000123,bidding.contract,2026-06-03,合同变更
      2024-310110-48-01-000123,bidding.contract,2026-06-04,bidding.contract@2026-07-01

      """.utf8)) == [
      "f.csv:2: changes: 'quality-safety.penalty@2026-05-11': a milestone of bidding.contract cannot change one of "
        + "quality-safety.penalty; link a milestone of bidding.contract, or remove the link (`gongkai rules` lists what each kind may change)",
      "f.csv:3: changes: '合同变更' names no milestone; give the kind and day (YYYY-MM-DD) of the one this changes, KIND@DATE, "
        + "and #文号 where two share them (# alone for the one without), e.g. bidding.contract@2024-06-20#HT-1",
      // The field named once, before the message
      "f.csv:4: changes: \(RegisterError.changesLaterMilestone("bidding.contract@2026-07-01").description.dropFirst("changes ".count))",
    ])
  }

  /// A sheet written by a DOS-era tool ends with its end-of-file mark (Ctrl-Z) on a line of its own: no row.
  @Test func theEndOfFileMarkOfDOSIsNoRow() throws {
    let rows = try read("project,kind,formed\r\n2024-310110-48-01-000123,bidding.result,2026-01-05\r\n\u{1A}")
    #expect(rows.map(\.entry.formedOn.description) == ["2026-01-05"])
  }

  /// Excel's “Unicode 文本” is named as what it is, with or without its byte order mark, where it was called neither
  /// UTF-8 nor GB18030.
  @Test func refusesUTF16WithTheWayToResave() throws {
    let utf16 = try #require(sheet.data(using: .utf16))
    let found = try problems(utf16)
    #expect(found.count == 1)
    #expect(found[0].contains("CSV UTF-8"))
    // Without its byte order mark, little-endian, as some tools write it
    let bare = try #require(sheet.data(using: .utf16LittleEndian))
    let chinese = try #require("项目代码,事项,形成日期\n2024-310110-48-01-000123,bidding.result,2026-01-05\n".data(using: .utf16LittleEndian))
    #expect(try problems(chinese) == problems(bare))
    #expect(try problems(bare) == ["f.csv: this is UTF-16 text (Excel's “Unicode 文本 (*.txt)”, whose cells are also split by tabs), "
      + "not CSV text: open it and save the sheet with 另存为 → \"CSV UTF-8 (逗号分隔)\" in Excel, or 另存为 → CSV with UTF-8 "
      + "encoding in WPS, then import that file"])
    let (withMark, withoutMark) = (try problems(utf16), try problems(bare))
    #expect(withMark == withoutMark, "\(withMark) \(withoutMark)")
  }

  /// A NUL byte some program wrote into a UTF-8 sheet is named by its line, not taken for another encoding.
  @Test func namesTheLineOfANulByte() throws {
    let found = try problems(Data("project,kind,formed\n2024-310110-48-01-000123,bidding.result,2026-01-0\u{0}5\n".utf8))
    #expect(found == ["f.csv:2: a NUL byte (0x00), which no text holds: retype the text of this line, or save the sheet again as "
      + "\"CSV UTF-8 (逗号分隔)\""])
  }

  /// A workbook saved where its CSV was meant is named as one, with the way to save the CSV, whatever its bytes after
  /// the format's first ones.
  @Test func refusesAWorkbookWithTheWayToSaveItsCSV() throws {
    let xlsx = try problems(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) + Data("[Content_Types].xml".utf8))
    #expect(xlsx == ["f.csv: this is a workbook (.xlsx, .et or .ods: a zip archive), not CSV text: open it and save the sheet "
      + "with 另存为 → \"CSV UTF-8 (逗号分隔)\" in Excel, or 另存为 → CSV with UTF-8 encoding in WPS, then import that file"])
    let xls = try problems(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00]))
    #expect(xls.count == 1)
    #expect(xls.first?.hasPrefix("f.csv: this is an Excel 97-2003 workbook (.xls or an older .et), not CSV text") == true)
    // Text that merely begins with the letters PK is a sheet like any other.
    #expect(try problems(Data("PK,kind\n".utf8)).allSatisfy { !$0.contains("workbook") })
  }

  /// An HTML table saved under .xls (a system's 导出Excel) was read as a sheet whose one column was the page's markup,
  /// with three more problems for the columns it lacked; it is named as a web page, with the way to save the CSV.
  @Test(arguments: ["<html><body><table><tr><td>项目代码</td>", "\u{FEFF}\n<!DOCTYPE html>", "<?xml version=\"1.0\"?>", " <TABLE>"])
  func refusesAWebPageWithTheWayToSaveItsCSV(start: String) throws {
    let found = try problems(Data((start + "\n</table>\n").utf8))
    #expect(found.count == 1 && found[0].hasPrefix("f.csv: this is a web page or XML (HTML tables are what a system's 导出Excel "
      + "often saves under .xls), not CSV text: open it and save the sheet"), "\(found)")
    // A heading between angle brackets is no tag.
    #expect(try problems(Data("<项目代码>,kind\n".utf8)).allSatisfy { !$0.contains("web page") })
  }

  @Test func listsEveryBadRowByLine() throws {
    let found = try problems(Data("""
      project,kind,formed,published,channel
      2024-310110-48-01-000123,bidding.result,2026-02-30,,
      2024-310110-48-01-123,bidding.result,2026-01-05,,
      2024-310110-48-01-000123,bidding.nothing,2026-01-05,,
      2024-310110-48-01-000123,bidding.result,2026-01-05,2026-01-04,门户网站
      2024-310110-48-01-000123,bidding.result,2026-01-05,,门户网站
      2024-310110-48-01-000123,bidding.result,2026-01-05,2026-01-06,门户网站,extra
      2024-310110-48-01-000123,bidding.result,2026-01-07,2026-01-08,门户网站,,
      ,,,,,,

      """.utf8))
    #expect(found == [
      "f.csv:2: formed: '2026-02-30' is not a date: that month has 28 days; use YYYY-MM-DD",
      "f.csv:3: project: code '2024-310110-48-01-123' is malformed; use the national 项目代码 form YYYY-DDDDDD-DD-DD-DDDDDD, e.g. 2024-310110-48-01-000123",
      "f.csv:4: kind: unknown item kind 'bidding.nothing'; use the code of a kind the rules define (`gongkai rules` lists the codes)",
      "f.csv:5: published: 2026-01-04 is before the information was formed (2026-01-05); check the dates",
      "f.csv:6: published: the row gives channel but no publication date; give the day it was published",
      // An empty cell past the header's last, a trailing comma, is none (row 8); a line of commas, a blank line (row 9)
      "f.csv:7: row: column F (6) holds a value but has no name in the header; name the column or clear it",
    ])
  }

  /// Excel and WPS in a Chinese locale save a date cell as 2026/11/3 or 2026/11/03, and staff type 2026.11.4 or
  /// full-width digits: such cells read as the day they name, stored as YYYY-MM-DD; a day-first or impossible date,
  /// or a date saved as the spreadsheet's number for it, is still refused, saying why.
  @Test func readsDatesAsChineseSpreadsheetsSaveThem() throws {
    let rows = try read("""
      项目代码,事项类型,形成日期,公开日期,公开渠道,公示截止
      2024-310110-48-01-000123,bidding.result,2026/11/3,2026/11/03,门户网站,2026-11-3
      2024-310110-48-01-000123,bidding.candidates,2026年11月3日,,,
      2024-310110-48-01-000123,bidding.contract,２０２６年１１月３日,2026.11.4,门户网站,

      """)
    #expect(rows.map(\.entry.formedOn.description) == ["2026-11-03", "2026-11-03", "2026-11-03"])
    #expect(rows[0].entry.disclosures.map { "\($0.publishedOn) \($0.until!)" } == ["2026-11-03 2026-11-03"])
    #expect(rows[2].entry.disclosures.map(\.publishedOn.description) == ["2026-11-04"])
    #expect(try problems(Data("""
      project,kind,formed
      2024-310110-48-01-000123,bidding.result,11/03/2026
      2024-310110-48-01-000123,bidding.result,2026/11/31
      2024-310110-48-01-000123,bidding.result,46329

      """.utf8)) == [
      "f.csv:2: formed: '11/03/2026' is not a date gongkai can read: its day and month could be either way round; write the year first, YYYY-MM-DD",
      "f.csv:3: formed: '2026/11/31' is not a date: that month has 30 days; use YYYY-MM-DD",
      "f.csv:4: formed: '46329' is a spreadsheet's number for a day (2026-11-03 in Excel's and WPS's count), not a date: format the column as a date (yyyy-mm-dd) before saving, or write the day as YYYY-MM-DD",
    ])
  }

  /// A problem names the column as the sheet heads it, so that a clerk whose sheet is in Chinese finds the cell:
  /// 形成日期, not `formed`; a required column missing is named in the language of the others.
  @Test func problemsNameTheColumnAsTheHeaderDoes() throws {
    #expect(try problems(Data("项目代码,事项类型,形成日期,公开日期,公开渠道\n2024-310110-48-01-000123,,2026-13-01,2026/11/31,门户网站\n".utf8)) == [
      "f.csv:2: 事项类型: required; a code from `gongkai rules`",
      "f.csv:2: 形成日期: '2026-13-01' is not a date: there is no month 13; use YYYY-MM-DD",
      "f.csv:2: 公开日期: '2026/11/31' is not a date: that month has 30 days; use YYYY-MM-DD",
    ])
    #expect(try problems(Data("项目代码,形成日期\n".utf8)) == ["f.csv:1: 事项类型: required column is missing"])
    // A title row or a row of group headings above the header is named as such, with the fix
    for (first, named) in [("杨浦区重大建设项目信息公开登记表,,,,", "'杨浦区重大建设项目信息公开登记表'"), ("基本信息,,,公开情况,", "'基本信息', '公开情况'"), ("基本信息,,,公开情况", "'基本信息', '公开情况'"),
                           ("杨浦区重大建设项目信息公开登记表", "'杨浦区重大建设项目信息公开登记表'")] {
      #expect(try problems(Data("\(first)\n项目代码,事项类型,形成日期,公开日期,公开渠道\n".utf8)) == [
        "f.csv:1: the first line names no column of a sheet of milestones, only \(named) among empty cells: a title or group row "
          + "above the header? delete it (unmerge its cells first) so that the header (项目代码, 事项类型, 形成日期 …) is the first line",
      ])
    }
    // A header of names side by side, none known, is a header with the wrong names, trailing empty cells or not
    #expect(try problems(Data("项目编号,事项,日期,,,\n".utf8)).first?.contains("unknown columns 项目编号, 事项, 日期; rename each") == true)
    // A project code left in the first row of a merged cell is missing below it, not malformed
    #expect(try problems(Data("项目代码,事项类型,形成日期\n2024-310110-48-01-000123,bidding.result,2026-10-12\n,bidding.contract,2026-10-20\n".utf8))
      == ["f.csv:3: 项目代码: required; the project's 项目代码 in every row (a merged cell keeps it in its first row only: unmerge the "
        + "column and fill the code down)"])
    // (on the first row, no merged cell is the story)
    #expect(try problems(Data("项目代码,事项类型,形成日期\n,bidding.contract,2026-10-20\n".utf8))
      == ["f.csv:2: 项目代码: required; the project's 项目代码 in every row"])
    // What a row gives without a publication day is named as the header names it
    #expect(try problems(Data("项目代码,事项类型,形成日期,公开日期,公开渠道,公示截止\n2024-310110-48-01-000123,bidding.result,2026-10-12,,网站,2026-10-20\n".utf8))
      == ["f.csv:2: 公开日期: the row gives 公开渠道 and 公示截止 but no publication date; give the day it was published"])
    #expect(try problems(Data("project,formed\n".utf8)) == ["f.csv:1: kind: required column is missing"])
    // A header of Chinese names none of which is known still gets its missing columns named in Chinese
    #expect(try problems(Data("项目编号,事项,日期\n".utf8)).suffix(3) == [
      "f.csv:1: 项目代码: required column is missing", "f.csv:1: 事项类型: required column is missing",
      "f.csv:1: 形成日期: required column is missing",
    ])
    // The field named first in a message is not named twice; both dates of a publication are read
    #expect(try problems(Data("项目代码,事项类型,形成日期,文号,公开日期,公开渠道,公示截止\n2024-310110-48-01-000123,bidding.result,2026-10-12,,2026-10-13,网站,2026-10-10\n".utf8))
      == ["f.csv:2: 公示截止: 2026-10-10 is before the publication day 2026-10-13; give the last day the publication stays up, 2026-10-13 or later, or leave it out while it is still up"])
    #expect(try problems(Data("项目代码,事项类型,形成日期,公开日期,公开渠道,公示截止\n2024-310110-48-01-000123,bidding.result,2026-10-12,2026-10-13 周四,网站,2026-10-20 周一\n".utf8)) == [
      "f.csv:2: 公开日期: '2026-10-13 周四' is a day and a weekday that disagree: 2026-10-13 is a 星期二 (Tuesday); correct whichever is wrong, or give the day alone, YYYY-MM-DD",
      "f.csv:2: 公示截止: '2026-10-20 周一' is a day and a weekday that disagree: 2026-10-20 is a 星期二 (Tuesday); correct whichever is wrong, or give the day alone, YYYY-MM-DD",
    ])
  }

  /// Headings aligned as Chinese forms align them (`序　号`, `文　号`), or in full-width ASCII, are the columns they name;
  /// a sheet saved with tabs between its cells is told to be saved as CSV, one typed with full-width commas to type
  /// them in ASCII.
  @Test func headingsAreReadAsFormsWriteThem() throws {
    let rows = try read("序　号,项目代码,事项类型,形成日期,文　号\n1,2024-310110-48-01-000123,bidding.result,2026-10-12,ZB-1\n")
    #expect(rows.map(\.entry.reference) == ["ZB-1"])
    #expect(try problems(Data("项目代码\t事项类型\t形成日期\n".utf8)) == [
      "f.csv:1: the header's cells are separated by tabs, not commas: save the sheet as CSV UTF-8 (逗号分隔) and import that file",
    ])
    // A row typed so is one cell: refused as such, with or without a 序号 column, not passed over or called a code.
    for sheet in ["项目代码,事项类型,形成日期\n2024-310110-48-01-000123，bidding.result，2026-10-12\n",
                  "序号,项目代码,事项类型,形成日期\n1，2024-310110-48-01-000123，bidding.result，2026-10-12\n",
                  "序号,项目代码,事项类型,形成日期\n,2024-310110-48-01-000123，bidding.result，2026-10-12，网站,,\n"] {
      #expect(try problems(Data(sheet.utf8))
        == ["f.csv:2: the row's cells are separated by full-width commas (，), not commas: type ASCII commas (,) between them"])
    }
    // Typed by hand with an input method, full-width commas.
    #expect(try problems(Data("项目代码，事项类型，形成日期\n".utf8)) == [
      "f.csv:1: the header's cells are separated by full-width commas (，), not commas: type ASCII commas (,) between the cells, in the header and in every row",
    ])
  }

  /// A link whose day cannot be read says why, as a date cell does.
  @Test func aLinkWithAWrongWeekdaySaysSo() throws {
    #expect(try problems(Data("项目代码,事项类型,形成日期,所变更信息\n2024-310110-48-01-000123,bidding.contract,2026-10-12,bidding.contract@2026-10-09 周四\n".utf8)) == [
      "f.csv:2: 所变更信息: 'bidding.contract@2026-10-09 周四': its day '2026-10-09 周四' is a day and a weekday that disagree: 2026-10-09 is a 星期五 (Friday); correct whichever is wrong, or give the day alone, YYYY-MM-DD",
    ])
  }

  /// The 序号 column a register kept in Excel begins with is passed over, and a row of a template numbered ahead that
  /// holds nothing else is a blank row.
  @Test func aRowNumberColumnIsPassedOver() throws {
    let rows = try read("序号,项目代码,事项类型,形成日期\n1,2024-310110-48-01-000123,bidding.result,2026-10-12\n2,,,\n3,,,\n")
    #expect(rows.map(\.line) == [2])
    #expect(rows.map(\.entry.kind) == ["bidding.result"])
    #expect(try problems(Data("序号,项目代码,事项类型,形成日期,备注\n".utf8)).first?.hasPrefix("f.csv:1: 备注: unknown column;") == true)
  }

  /// A row whose cells hold only the spaces an input method types (U+3000) or a web page gives (U+00A0) is a blank
  /// row, in UTF-8 and in GB18030, as `,,` is; an evaluator's import was refused for one, with a merged-cell hint.
  @Test func aRowOfFullWidthSpacesIsBlank() throws {
    let text = "项目代码,事项类型,形成日期\n2024-310110-48-01-000123,bidding.result,2026-10-12\n\u{3000},\u{3000}\u{3000}, \u{A0}\n"
    #expect(try read(text).map(\.line) == [2])
    let gb18030 = try #require(text.data(using: CSVText.gb18030))
    #expect(try MilestoneSheet.read(try write(gb18030), catalogue: catalogue, today: today).map(\.line) == [2])
    // A cell of them beside a value is that cell left empty.
    #expect(try read("项目代码,事项类型,形成日期,文号\n2024-310110-48-01-000123,bidding.result,2026-10-12,\u{3000}\n").map(\.entry.reference) == [nil])
  }

  /// A long date format's weekday is read and checked, naming the cell.
  @Test func aDateWithItsWeekdayIsReadAndChecked() throws {
    let rows = try read("项目代码,事项类型,形成日期\n2024-310110-48-01-000123,bidding.result,2026年11月26日 星期四\n")
    #expect(rows.map(\.entry.formedOn.description) == ["2026-11-26"])
    #expect(try problems(Data("项目代码,事项类型,形成日期\n2024-310110-48-01-000123,bidding.result,2026年11月26日 星期五\n".utf8)) == [
      "f.csv:2: 形成日期: '2026年11月26日 星期五' is a day and a weekday that disagree: 2026-11-26 is a 星期四 (Thursday); correct whichever is wrong, or give the day alone, YYYY-MM-DD",
    ])
  }

  /// Every problem of a row is reported in one import: an unknown kind and a bad publication date are not held
  /// back until the formation date is fixed.
  @Test func aRowWithSeveralProblemsReportsThemAll() throws {
    #expect(try problems(Data("project,kind,formed,published,channel\n2024-310110-48-01-000123,bidding.candidate,2026-13-01,2026-02-30,门户网站\n".utf8)) == [
      "f.csv:2: formed: '2026-13-01' is not a date: there is no month 13; use YYYY-MM-DD",
      "f.csv:2: published: '2026-02-30' is not a date: that month has 28 days; use YYYY-MM-DD",
      "f.csv:2: kind: unknown item kind 'bidding.candidate'; did you mean bidding.candidates? (`gongkai rules` lists the codes)",
    ])
  }

  /// A publication's last day before its first is met with the field, both days and what to give instead.
  @Test func anUntilBeforeThePublicationSaysWhatToGive() throws {
    #expect(try problems(Data("project,kind,formed,published,channel,until\n2024-310110-48-01-000123,bidding.result,2026-01-05,2026-01-06,门户网站,2026-01-05\n".utf8)) == [
      "f.csv:2: until: 2026-01-05 is before the publication day 2026-01-06; give the last day the publication stays up, 2026-01-06 or later, or leave it out while it is still up",
    ])
  }

  @Test func refusesABadHeaderAndAnOpenQuote() throws {
    #expect(try problems(Data("project,kind,date\n".utf8)) == [
      "f.csv:1: date: unknown column; rename it to one of project (项目代码), name (项目名称), kind (事项类型), formed (形成日期), ref (文号), summary (摘要), unit (责任单位), published (公开日期), channel (公开渠道), url (网址), until (公示截止), changes (所变更信息), or delete the column (the import reads no other, a note column such as 备注 included; a row-number column, 序号, is passed over)",
      "f.csv:1: formed: required column is missing",
    ])
    #expect(try problems(Data("project,kind,formed\n2024-310110-48-01-000123,\"bidding.result,2026-01-05\n".utf8)) == [
      "f.csv:2: a quoted cell is never closed; check the quotes",
    ])
  }
}
