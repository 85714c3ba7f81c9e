import Foundation
import GongkaiCore
import GongkaiReference
import Testing
@testable import GongkaiFiles

@Suite struct MilestoneSheetReaderTests {
  let sheet = MilestoneSheetTests().sheet

  func write(_ data: Data) throws -> URL { try MilestoneSheetTests().write(data) }

  /// Every row of `url`, read `chunkSize` bytes at a time.
  func stream(_ url: URL, chunkSize: Int = CSVText.chunkSize) throws(FileProblems) -> [MilestoneRow] {
    var reader = try MilestoneSheetReader(url, catalogue: catalogue, today: today, chunkSize: chunkSize)
    var rows: [MilestoneRow] = []
    while let row = try reader.next() { rows.append(row) }
    #expect(try reader.next() == nil)
    return rows
  }

  func whole(_ url: URL) throws -> [MilestoneRow] { try MilestoneSheet.read(url, catalogue: catalogue, today: today) }

  func same(_ left: [MilestoneRow], _ right: [MilestoneRow]) -> Bool {
    left.map { "\($0.line) \($0.project)" } == right.map { "\($0.line) \($0.project)" } && left.map(\.entry) == right.map(\.entry)
  }

  /// The problems thrown, with the file name shortened.
  func problems(_ url: URL, _ body: () throws(FileProblems) -> Void) -> [String] {
    do {
      try body()
      return []
    } catch {
      return error.problems.map { $0.description.replacingOccurrences(of: url.path, with: "f.csv") }
    }
  }

  /// Text other than a row number in 序号, on a row that holds nothing else (a group heading, a footer), is passed over
  /// and said, so that a milestone typed there alone is not lost in silence; a template's numbers are not; past the
  /// first twenty, one line counts the rest.
  @Test func textInTheRowNumberColumnAloneIsPassedOverAndSaid() throws {
    let code = "2024-310110-48-01-000123"
    let url = try write(Data("""
      序号,项目代码,事项类型,形成日期
      一、市政工程,,,
      1,\(code),bidding.result,2026-10-12
      2,,,
      （3）,,,
      ３,,,
      填表人：王敏,,,

      """.utf8))
    var reader = try MilestoneSheetReader(url, catalogue: catalogue, today: today)
    var rows: [MilestoneRow] = []
    while let row = try reader.next() { rows.append(row) }
    #expect(rows.map(\.line) == [3])
    #expect(reader.passedOver().map { "\($0.line) \($0.field): \($0.message)" } == [
      "2 序号: the row holds only '一、市政工程', not a row number, and was passed over as a note (a footer, a total or a group heading); if it is a milestone, fill in its other cells",
      "7 序号: the row holds only '填表人：王敏', not a row number, and was passed over as a note (a footer, a total or a group heading); if it is a milestone, fill in its other cells",
    ])

    // A total under the project codes is passed over so too, with a 序号 column before them left empty or without one;
    // a code alone is a row missing its cells.
    for sheet in ["项目代码,事项类型,形成日期\n\(code),bidding.result,2026-10-12\n合计,,\n",
                  "序号,项目代码,事项类型,形成日期\n1,\(code),bidding.result,2026-10-12\n,合计,,\n"] {
      let totals = try write(Data(sheet.utf8))
      var summed = try MilestoneSheetReader(totals, catalogue: catalogue, today: today)
      while try summed.next() != nil {}
      #expect(summed.passedOver().map(\.message) == [
        "the row holds only '合计', not a project code, and was passed over as a note (a footer, a total or a group heading); if it is a milestone, fill in its other cells",
      ])
    }
    // So is a total under the project names, which a row gives for the store to check against the code's project.
    let named = try write(Data("序号,项目代码,项目名称,事项类型,形成日期\n1,\(code),江浦路工程,bidding.result,2026-10-12\n,,合计,,\n".utf8))
    var names = try MilestoneSheetReader(named, catalogue: catalogue, today: today)
    var namedRows: [MilestoneRow] = []
    while let row = try names.next() { namedRows.append(row) }
    #expect(namedRows.map(\.projectName) == ["江浦路工程"])
    #expect(names.passedOver().map(\.message) == [
      "the row holds only '合计', not a project's name, and was passed over as a note (a footer, a total or a group heading); if it is a milestone, fill in its other cells",
    ])
    // A footer spread over the row, and a subtotal with its count, begin with a footer's words and hold no project code;
    // a row of data that begins so holds its code, and is read.
    let footers = try write(Data("""
      序号,项目代码,项目名称,事项类型,形成日期,文号,公开日期
      1,\(code),江浦路工程,bidding.result,2026-10-12,,
      小计,,,3,,,
      填表人：王敏,,,,审核人：李强,,填表日期：2026-12-07
      合计,\(code),江浦路工程,bidding.contract,2026-10-13,,

      """.utf8))
    var footed = try MilestoneSheetReader(footers, catalogue: catalogue, today: today)
    var footedRows: [MilestoneRow] = []
    while let row = try footed.next() { footedRows.append(row) }
    #expect(footedRows.map(\.line) == [2, 5])
    #expect(footed.passedOver().map { "\($0.line) \($0.field): \($0.message)" } == [
      "3 序号: the row begins with '小计', a footer's or a total's words, not a milestone, and was passed over as a note; if it is a milestone, give it its project code",
      "4 序号: the row begins with '填表人：王敏', a footer's or a total's words, not a milestone, and was passed over as a note; if it is a milestone, give it its project code",
    ])
    // Text alone in another column is a row half filled in.
    let summaryAlone = try write(Data("项目代码,事项类型,形成日期,摘要\n\(code),bidding.result,2026-10-12,\n,,,中标结果\n".utf8))
    #expect(problems(summaryAlone) { () throws(FileProblems) in _ = try stream(summaryAlone) }.count == 3)
    let alone = try write(Data("项目代码,事项类型,形成日期\n\(code),,\n".utf8))
    #expect(problems(alone) { () throws(FileProblems) in _ = try stream(alone) }.count == 2)

    let many = try write(Data(("序号,项目代码,事项类型,形成日期\n1,\(code),bidding.result,2026-10-12\n"
      + (1...23).map { "合计\($0),,,\n" }.joined()).utf8))
    var long = try MilestoneSheetReader(many, catalogue: catalogue, today: today)
    while try long.next() != nil {}
    #expect(long.passedOver().count == 21)
    #expect(long.passedOver().last == LineMessage(line: 25, field: "序号", message: "3 more rows hold only a note, as the rows above, and were passed over"))
  }

  @Test(arguments: [1, 2, 3, 5, 8, 13, 64, CSVText.chunkSize])
  func readsTheSameRowsAsTheWholeFileReader(chunkSize: Int) throws {
    let inputs = [
      Data(sheet.utf8),
      Data(("\u{FEFF}" + sheet.replacingOccurrences(of: "\n", with: "\r\n")).utf8),
      try #require(sheet.data(using: CSVText.gb18030)),
      Data(sheet.replacingOccurrences(of: "\n", with: "\r").utf8),
      Data(sheet.dropLast().utf8),
    ]
    let lineFeeds = try stream(try write(inputs[0]), chunkSize: chunkSize)
    for data in inputs {
      let url = try write(data)
      let rows = try stream(url, chunkSize: chunkSize)
      #expect(rows.count == 2)
      #expect(same(rows, try whole(url)))
      // A summary of two lines reads the same however the file breaks its lines: with the line feed the register keeps.
      #expect(rows.map(\.entry.summary) == lineFeeds.map(\.entry.summary))
    }
    #expect(lineFeeds.contains { $0.entry.summary?.contains("\n") == true })
  }

  @Test(arguments: 1...9)
  func joinsRecordsAndCharactersAcrossChunks(chunkSize: Int) throws {
    // A quoted cell with a line break, a doubled quote and a comma; Chinese (three bytes in UTF-8, two in
    // GB18030), a character of four bytes in both, and ideographic spaces that are trimmed.
    let summary = "第一行,\"引号\"\n第二行 𠀀€é"
    let text = """
      project,kind,formed,summary
      2024-310110-48-01-000123,bidding.result,2026-10-12,"\(summary.replacingOccurrences(of: "\"", with: "\"\""))"
      2024-310110-48-01-000123,bidding.contract,2026-10-13,\u{3000}中标\u{3000}

      """
    let gb = try #require(text.data(using: CSVText.gb18030))
    #expect(gb.count < Data(text.utf8).count)
    for data in [Data(text.utf8), gb] {
      let rows = try stream(try write(data), chunkSize: chunkSize)
      // Numbered as the spreadsheet numbers its rows: the line break inside the summary begins none.
      #expect(rows.map(\.line) == [2, 3])
      #expect(rows.map(\.entry.summary) == [summary, "中标"])
    }
  }

  @Test func readsAsGB18030AFileThatIsNotUTF8OnlyAfterItsFirstChunk() throws {
    let text = """
      project,kind,formed,ref,summary
      2024-310110-48-01-000123,bidding.result,2026-10-12,YPZB-2026-07,plain ASCII for more than one chunk
      2024-310110-48-01-000123,bidding.contract,2026-10-13,,合同签订

      """
    let data = try #require(text.data(using: CSVText.gb18030))
    #expect(data.prefix(128).allSatisfy { $0 < 0x80 })
    let url = try write(data)
    let rows = try stream(url, chunkSize: 64)
    #expect(rows.map(\.entry.summary) == ["plain ASCII for more than one chunk", "合同签订"])
    #expect(same(rows, try whole(url)))
  }

  /// GBK text of a few characters whose bytes all happen to form UTF-8 pairs (施 reads as ʩ, 委员 as ίԱ, 聟聣 as two
  /// controls) is read as the GBK it is; UTF-8 whose only characters beyond ASCII are Latin letters or signs (m²·K,
  /// 20 °C after a no-break space, pinyin's tone marks) or that holds Chinese stays UTF-8.
  @Test(arguments: [2, 3, 16, CSVText.chunkSize])
  func readsAsGB18030GBKTextThatHappensToBeValidUTF8(chunkSize: Int) throws {
    for word in ["聟聣"] {
      let gbk = try #require("project,kind,formed,ref,summary\n2024-310110-48-01-000123,bidding.result,2026-10-12,R1,\(word)\n"
        .data(using: CSVText.gb18030))
      #expect(String(data: gbk, encoding: .utf8) != nil)
      #expect(try stream(try write(gbk), chunkSize: chunkSize).map(\.entry.summary) == [word])
    }
    let text = """
      project,kind,formed,ref,summary
      2024-310110-48-01-000123,bidding.result,2026-10-12,施-001,委员

      """
    let gbk = try #require(text.data(using: CSVText.gb18030))
    #expect(String(data: gbk, encoding: .utf8) != nil)
    let rows = try stream(try write(gbk))
    #expect(rows.map(\.entry.reference) == ["施-001"])
    #expect(rows.map(\.entry.summary) == ["委员"])
    #expect(same(rows, try whole(try write(gbk))))
    for utf8 in ["1000m², 3°", "λ 施工", "Zhāng Sān, Pǔdōng jiànwěi", "Łódź", "R\u{A0}1", "±5%, ½", "U=1.5 W/(m²·K)", "20\u{A0}°C"] {
      let sheet = "project,kind,formed,ref\n2024-310110-48-01-000123,bidding.result,2026-10-12,\"\(utf8)\"\n"
      #expect(try stream(try write(Data(sheet.utf8)), chunkSize: chunkSize).map(\.entry.reference) == [utf8])
    }
  }

  @Test func refusesAFileThatIsNeitherUTF8NorGB18030AtOnce() throws {
    var data = Data("project,kind,formed\n".utf8) + Data(repeating: UInt8(ascii: "a"), count: 100)
    data += [0xD6, 0xD0, 0xFF, 0x0A]
    let url = try write(data)
    let found = problems(url) { () throws(FileProblems) in _ = try MilestoneSheetReader(url, catalogue: catalogue, today: today, chunkSize: 16) }
    #expect(found == [CSVText.undecodable("f.csv").description])
    let nul = try write(Data("project,kind,formed\n".utf8) + Data(repeating: 0, count: 3))
    #expect(problems(nul) { () throws(FileProblems) in _ = try MilestoneSheetReader(nul, catalogue: catalogue, today: today) }.count == 1)
  }

  @Test(arguments: [3, 16, CSVText.chunkSize])
  func refusesAUTF8FileWithABadByteByItsLineRatherThanReadItAsGB18030(chunkSize: Int) throws {
    // An encoded surrogate (as a program cutting an emoji in half writes it) after Chinese in UTF-8: the whole
    // file also decodes as GB18030, into other characters
    var data = Data("project,kind,formed,ref,summary\n2024-310110-48-01-000123,bidding.result,2026-11-02,M1,中标结果：甲公司\n".utf8)
    data += Data("2024-310110-48-01-000123,bidding.result,2026-11-02,M2,乙公司".utf8) + [0xED, 0xA0, 0x80, 0x0A]
    #expect(String(data: data, encoding: CSVText.gb18030) != nil)
    let url = try write(data)
    let found = problems(url) { () throws(FileProblems) in _ = try stream(url, chunkSize: chunkSize) }
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("f.csv:3: bytes that are not UTF-8 (0xED 0xA0 0x80) in a file that is UTF-8 before them") == true,
            "\(found)")
  }

  @Test(arguments: ["滇丁合同签订中标结果公示", "统一签约工作方案：征收范围内居民签约期限为三十日"])
  func readsAsGB18030AChineseFileWhosePrefixIsValidUTF8OnlyByChance(summary: String) throws {
    // In GB18030, 统 一 签 约 (a lead byte of C2-DF, a trail of A1-BF) are each a valid two-byte UTF-8 character,
    // and 滇 then 丁 make one of three bytes: none of it is Chinese in UTF-8
    let text = "project,kind,formed,summary\n2024-310110-48-01-000123,bidding.result,2026-10-12,\(summary)\n"
    let data = try #require(text.data(using: CSVText.gb18030))
    let rows = try stream(try write(data))
    #expect(rows.map(\.entry.summary) == [summary])
  }

  /// Rows pasted together from a sheet saved as GBK and one saved as UTF-8: read as GB18030, the UTF-8 rows would be
  /// stored as other characters (中文 as 涓枃) without a word; the file is refused at the UTF-8 line, either way round.
  @Test(arguments: [3, 16, CSVText.chunkSize])
  func refusesAFileThatJoinsGBKAndUTF8Rows(chunkSize: Int) throws {
    let head = Data("project,kind,formed,ref,summary\n".utf8)
    let utf8Row = Data("2024-310110-48-01-000123,bidding.result,2026-11-02,M1,中文\n".utf8)
    let gbkRow = try #require("2024-310110-48-01-000123,bidding.result,2026-11-03,M2,施工许可\n".data(using: CSVText.gb18030))
    for (data, line, other) in [(head + utf8Row + gbkRow, 2, 3), (head + gbkRow + utf8Row, 3, 2)] {
      let url = try write(data)
      let found = problems(url) { () throws(FileProblems) in _ = try stream(url, chunkSize: chunkSize) }
      #expect(found == ["f.csv:\(line): this line is UTF-8 and line \(other) is not (GBK): the file joins rows saved in two "
        + "encodings, and one of them would be read as other characters; save each sheet as \"CSV UTF-8 (逗号分隔)\" before "
        + "joining them, or retype this line"])
    }
    // A GBK file whose rows hold a word or two of Chinese each is GBK throughout
    let words = ["网站", "变更", "杨浦区", "中文", "公示", "合同"].map {
      "2024-310110-48-01-000123,bidding.result,2026-11-02,\($0),\($0)\n"
    }.joined()
    let gbk = try #require(("project,kind,formed,ref,summary\n" + words).data(using: CSVText.gb18030))
    #expect(try stream(try write(gbk), chunkSize: chunkSize).map(\.entry.summary) == ["网站", "变更", "杨浦区", "中文", "公示", "合同"])
  }

  /// A GBK row pasted under Chinese in UTF-8 (headers and rows enough to tell the file UTF-8): the bytes UTF-8 cannot
  /// read are named with what they say in GBK, and the cause, not as a character some program wrote wrong.
  @Test(arguments: [3, 16, CSVText.chunkSize])
  func namesAGBKRowPastedIntoAUTF8File(chunkSize: Int) throws {
    let utf8 = Data("项目代码,事项类型,形成日期,文号,摘要\n2024-310110-48-01-000123,bidding.result,2026-11-02,M1,中标结果\n".utf8)
    for (summary, bytes) in [("中标公示", "0xD6 0xD0 0xB1 0xEA"), ("（修订）招标公告", "0xA3 0xA8 0xD0 0xDE")] {
      let gbkRow = try #require("2024-310110-48-01-000123,bidding.result,2026-11-03,M2,\(summary)\n".data(using: CSVText.gb18030))
      let url = try write(utf8 + gbkRow)
      let found = problems(url) { () throws(FileProblems) in _ = try stream(url, chunkSize: chunkSize) }
      #expect(found == ["f.csv:3: bytes that are not UTF-8 (\(bytes)) in a file that is UTF-8 before them read as GBK (\(summary)): "
        + "rows saved as GBK were pasted into a UTF-8 file, most likely; save the file they came from as \"CSV UTF-8 (逗号分隔)\" and "
        + "copy them again, or retype the text there"], "\(found)")
    }
  }

  @Test func listsTheProblemsOfRowsAndOfTheStoreTogetherByLine() throws {
    let url = try write(Data("""
      project,kind,formed,published,channel
      2024-310110-48-01-000123,bidding.result,2026-01-05,,
      2024-310110-48-01-000123,bidding.result,2026-02-30,,
      2024-310110-48-01-000999,bidding.result,2026-01-05,2026-01-06,门户网站
      2024-310110-48-01-000123,bidding.contract,2026-01-05,,
      2024-310110-48-01-000123,bidding.nothing,2026-01-05,,

      """.utf8))
    let found = problems(url) { () throws(FileProblems) in
      var reader = try MilestoneSheetReader(url, catalogue: catalogue, today: today, chunkSize: 32)
      var lines: [Int] = []
      while let row = try reader.next() {
        lines.append(row.line)
        if row.project.rawValue.hasSuffix("999") {
          reader.reject(line: row.line, field: "project", message: "unknown project '\(row.project)'")
        }
        // Out of order: the store may find a problem with an earlier row later.
        if row.line == 5 { reader.reject(line: 2, field: "formed", message: "before the stored milestone") }
      }
      Issue.record("read to the end: \(lines)")
    }
    #expect(found == [
      "f.csv:2: formed: before the stored milestone",
      "f.csv:3: formed: '2026-02-30' is not a date: that month has 28 days; use YYYY-MM-DD",
      "f.csv:4: project: unknown project '2024-310110-48-01-000999'",
      "f.csv:6: kind: unknown item kind 'bidding.nothing'; use the code of a kind the rules define (`gongkai rules` lists the codes)",
    ])
  }

  /// A sheet wrong on every row is refused in a screenful: the first 20 problems, then where the rest begin;
  /// a problem that stops the reading is shown however many came before it.
  @Test func aSheetWrongOnEveryRowListsTheFirstProblemsAndCountsTheRest() throws {
    let rows = (1...25).map { "2024-310110-48-01-000123,bidding.result,2026-02-\(30 + $0)\n" }.joined()
    let wrong = try write(Data(("project,kind,formed\n" + rows).utf8))
    let found = problems(wrong) { () throws(FileProblems) in _ = try stream(wrong) }
    #expect(found.count == 21)
    #expect(found[0] == "f.csv:2: formed: '2026-02-31' is not a date: that month has 28 days; use YYYY-MM-DD")
    #expect(found[19].hasPrefix("f.csv:21: formed: '2026-02-50'"))
    #expect(found[20] == "f.csv:22: 5 more problems from here on are not shown; fix those above and run again")
    let stopped = try write(Data(("project,kind,formed\n" + rows + ",\"open\n").utf8))
    let stoppedFound = problems(stopped) { () throws(FileProblems) in _ = try stream(stopped, chunkSize: 64) }
    #expect(stoppedFound.count == 22)
    #expect(stoppedFound[20] == "f.csv:22: 5 more problems from here on are not shown; fix those above and run again")
    #expect(stoppedFound[21] == "f.csv:27: a quoted cell is never closed; check the quotes")
  }

  @Test func refusesAMissingFileABadHeaderAndAnOpenQuote() throws {
    let missing = URL(fileURLWithPath: "/nonexistent/sheet.csv")
    do {
      _ = try MilestoneSheetReader(missing, catalogue: catalogue, today: today)
      Issue.record("read a missing file")
    } catch {
      #expect(error.problems.map(\.kind) == [.missing])
    }
    do {
      _ = try MilestoneSheetReader(FileManager.default.temporaryDirectory, catalogue: catalogue, today: today)
      Issue.record("read a folder")
    } catch {
      #expect(error.problems.map(\.message) == ["is a folder; name the CSV file in it"])
    }
    // A pipe (`import milestones /dev/stdin`) or a device cannot be read twice, as the encoding check needs.
    do {
      _ = try MilestoneSheetReader(URL(fileURLWithPath: "/dev/null"), catalogue: catalogue, today: today)
      Issue.record("read a device")
    } catch {
      #expect(error.problems.first?.message.hasPrefix("is a pipe or a device") == true)
    }
    let header = try write(Data("project,kind,date\n2024-310110-48-01-000123,bidding.result,2026-01-05\n".utf8))
    #expect(problems(header) { () throws(FileProblems) in _ = try stream(header) } == [
      "f.csv:1: date: unknown column; rename it to one of project (项目代码), name (项目名称), kind (事项类型), formed (形成日期), ref (文号), summary (摘要), unit (责任单位), published (公开日期), channel (公开渠道), url (网址), until (公示截止), changes (所变更信息), or delete the column (the import reads no other, a note column such as 备注 included; a row-number column, 序号, is passed over)",
      "f.csv:1: formed: required column is missing",
    ])
    let empty = try write(Data("\u{FEFF}\n\n".utf8))
    #expect(problems(empty) { () throws(FileProblems) in _ = try stream(empty, chunkSize: 2) } == [
      "f.csv: the file is empty; the first row must name the columns",
    ])
    let quote = try write(Data("project,kind,formed\n2024-310110-48-01-000123,bidding.nothing,2026-01-05\n,\"open\n\n".utf8))
    #expect(problems(quote) { () throws(FileProblems) in _ = try stream(quote, chunkSize: 4) } == [
      "f.csv:2: kind: unknown item kind 'bidding.nothing'; use the code of a kind the rules define (`gongkai rules` lists the codes)",
      "f.csv:3: a quoted cell is never closed; check the quotes",
    ])
  }

  @Test func aHeaderOfThousandsOfCellsIsAWrongFileNotACrash() throws {
    let url = try write(Data((Array(repeating: "x", count: 1_500).joined(separator: ",") + "\n").utf8))
    let listed = problems(url) { () throws(FileProblems) in _ = try stream(url) }
    #expect(listed == [
      "f.csv:1: the header names a column after its 1000th cell; a sheet of milestones has 12 columns at most: is this the right file?",
    ])
  }

  /// A cell over 1 MB is refused without holding the rest of it, named by its column, or by its position
  /// under a column the header leaves unnamed.
  @Test(arguments: [
    ("project,kind,formed,summary", "\"", "\"\n", "summary"),
    ("project,kind,formed, ,summary", "", ",\n", "column 4"),
  ])
  func refusesACellOverOneMegabyteWithoutHoldingTheRest(header: String, opening: String, closing: String, column: String) throws {
    var data = Data("\(header)\n2024-310110-48-01-000123,bidding.result,2026-01-05,\(opening)".utf8)
    data += Data(repeating: UInt8(ascii: "x"), count: CSVText.maximumField + 1)
    data += Data(closing.utf8)
    let url = try write(data)
    #expect(problems(url) { () throws(FileProblems) in _ = try stream(url, chunkSize: 4096) } == [
      "f.csv:2: \(column): the cell is longer than 1 MB; is this the right file?",
    ])
  }

  @Test func findsEveryWhiteSpaceThatFoundationTrims() {
    for value in UInt32(0x80)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      guard CharacterSet.whitespaces.contains(scalar) else { continue }
      #expect(CSVText.isWhitespaceBeyondASCII(scalar), "U+\(String(value, radix: 16))")
      #expect(CSVText.mayBeWhitespaceBeyondASCII(lead: Array(String(scalar).utf8)[0]), "U+\(String(value, radix: 16))")
    }
  }
}
