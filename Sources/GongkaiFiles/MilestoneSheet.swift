import Foundation
import GongkaiCore
import GongkaiCSV
import GongkaiReference

/// A milestone spreadsheet (`gongkai import milestones FILE.csv`; the columns are in `Projects/README.md`).
public enum MilestoneSheet {
  /// The heads of the columns a sheet may have that are not read: the row numbers (序号) that a register kept in Excel
  /// or WPS begins with, which say nothing about a milestone. Only 序号: `No.` or `#` may head a document number.
  static let rowNumberHeadings: Set<String> = ["序号"]

  /// A header cell as it is compared with the names of the columns: without the spaces a form puts between two
  /// characters to align them (`序　号`, `文　号`), in half-width ASCII (`ｕｒｌ`), in lower case.
  static func comparable(_ heading: String) -> String {
    String(String.UnicodeScalarView(heading.halfWidth.unicodeScalars.filter { !$0.properties.isWhitespace })).lowercased()
  }

  /// Column names by field; staff may head a column in English or in Chinese.
  static let columns: [(field: String, names: [String], required: Bool)] = Column.allCases.map {
    ($0.field, $0.names, $0.isRequired)
  }

  /// The largest spreadsheet read whole; ``MilestoneSheetReader`` reads any size.
  public static let maximumFileSize = 256 << 20

  /// Reads and checks a spreadsheet; throws ``FileProblems`` listing the problems by line (capped), including rows
  /// whose project `isRegistered` says is unknown.
  public static func read(
    _ url: URL, catalogue: RuleCatalogue, today: CivilDate, isRegistered: (ProjectCode) throws -> Bool = { _ in true }
  ) throws(FileProblems) -> [MilestoneRow] {
    let file = url.path
    let attributes = try? FileManager.default.attributesOfItem(atPath: file)
    if let size = attributes?[.size] as? Int, size > maximumFileSize {
      throw FileProblems([FileProblem(file: file, line: nil, field: nil, message: "the file is larger than 256 MB; split it")])
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw FileProblems([FileProblem.notFound(file)])
    }
    return try read(data, file: file, catalogue: catalogue, today: today, isRegistered: isRegistered)
  }

  /// Reads and checks the bytes of a spreadsheet named `file` in messages.
  public static func read(
    _ data: Data, file: String, catalogue: RuleCatalogue, today: CivilDate, isRegistered: (ProjectCode) throws -> Bool
  ) throws(FileProblems) -> [MilestoneRow] {
    var failure: (any Error)?
    var registered: [ProjectCode: Bool] = [:]
    func known(_ code: ProjectCode) -> Bool {
      guard failure == nil else { return true }
      if let known = registered[code] { return known }
      do {
        let known = try isRegistered(code)
        registered[code] = known
        return known
      } catch {
        failure = error
        return true
      }
    }
    var rows: [MilestoneRow] = []
    do throws(FileProblems) {
      var sheet = try SheetRows(ByteSource(data, name: file), catalogue: catalogue, today: today)
      while let row = try sheet.next(isRegistered: known) {
        if failure != nil { break }
        rows.append(row)
      }
    } catch where failure == nil {
      throw error
    } catch {}
    if let failure { throw FileProblems([FileProblem(file: file, line: nil, field: nil, message: "\(failure)")]) }
    return rows
  }

  /// The columns, in the order of ``columns``.
  enum Column: Int, CaseIterable {
    case project, name, kind, formed, ref, summary, unit, published, channel, url, until, changes

    var field: String { "\(self)" }

    var names: [String] {
      let chinese = switch self {
      case .project: "项目代码"
      case .name: "项目名称"
      case .kind: "事项类型"
      case .formed: "形成日期"
      case .ref: "文号"
      case .summary: "摘要"
      case .unit: "责任单位"
      case .published: "公开日期"
      case .channel: "公开渠道"
      case .url: "网址"
      case .until: "公示截止"
      case .changes: "所变更信息"
      }
      return [field, chinese]
    }

    var isRequired: Bool { self == .project || self == .kind || self == .formed }
  }
}

/// Reads a milestone spreadsheet row by row, so a file of any size imports in bounded memory: it is read in
/// chunks, twice (once to decide its encoding, once for its rows), and never held whole.
///
/// Each row is checked as ``MilestoneSheet/read(_:catalogue:today:isRegistered:)`` checks it, except for
/// unknown projects, which the store judges and reports through ``reject(line:field:message:)``. Rows with
/// problems are recorded and skipped; at the end ``next()`` throws the problems, the reader's and the
/// store's, ordered by line and capped (``CappedProblems``).
public struct MilestoneSheetReader: ImportSource {
  public typealias Element = MilestoneRow

  private var rows: SheetRows

  /// Opens the file, decides its encoding and reads and checks the header; problems with any of those are
  /// thrown at once. Problems name the file `name`, as the user gave it (`sheet.csv`, as project files are named by
  /// what was typed), else by its path.
  public init(_ url: URL, name: String? = nil, catalogue: RuleCatalogue, today: CivilDate) throws(FileProblems) {
    try self.init(url, name: name, catalogue: catalogue, today: today, chunkSize: CSVText.chunkSize)
  }

  /// Reads the file `chunkSize` bytes at a time.
  init(_ url: URL, name: String? = nil, catalogue: RuleCatalogue, today: CivilDate, chunkSize: Int) throws(FileProblems) {
    let source: ByteSource
    do { source = try ByteSource(url, name: name ?? url.path, chunkSize: chunkSize) } catch { throw FileProblems([error]) }
    rows = try SheetRows(source, catalogue: catalogue, today: today)
  }

  /// The next valid row; nil at the end when nothing was wrong. At the end, throws the problems found, the
  /// reader's and those given to ``reject(line:field:message:)``, ordered by line and capped; at once when the
  /// file cannot be read on (an unclosed quote, an oversized cell), that problem first.
  public mutating func next() throws(FileProblems) -> MilestoneRow? {
    try rows.next { _ in true }
  }

  /// Records a problem the store found with the row of `line`.
  public mutating func reject(line: Int, field: String, message: String) {
    rows.problems.append(FileProblem(file: rows.file, line: line, field: rows.heading(of: field), message: message))
  }

  /// Not known beforehand.
  public var expectedCount: Int? { nil }

  /// The column of `field` as the sheet's header names it (形成日期 for `formed`), for the import's warnings.
  public func heading(of field: String) -> String { rows.heading(of: field) }

  public func withdrawsADecision(_ kind: String) -> Bool { rows.withdrawsADecision(kind) }

  public func passedOver() -> [LineMessage] { rows.passedOver }
  public var hasProblems: Bool { !rows.problems.isEmpty }
}

/// The rows of a spreadsheet, one at a time, each checked; what both ``MilestoneSheet`` and
/// ``MilestoneSheetReader`` read with.
struct SheetRows {
  let file: String
  /// The problems found so far, the reader's and the store's: the first few, shown by line, and how many more.
  var problems = CappedProblems(inLineOrder: true)
  private var records: CSVRecords
  private let encoding: CSVText.Encoding
  private let catalogue: RuleCatalogue

  func withdrawsADecision(_ kind: String) -> Bool { !(catalogue.rule(for: kind)?.withdraws.isEmpty ?? true) }
  private let today: CivilDate
  /// The number of cells of the header, and of them the ones kept (the first thousand): the others are blank.
  private let width: Int
  private let kept: Int
  /// The position of each column (by ``MilestoneSheet/Column``) in a record, or nil.
  private let positions: [Int?]
  /// The header's name of each column (by ``MilestoneSheet/Column``) it has, and the Chinese name of one it has not
  /// where the header is in Chinese: problems name a column as the clerk's sheet heads it (形成日期, not `formed`).
  private let headings: [String?]
  /// The positions the header leaves blank: spreadsheets save columns that were only formatted so, and their
  /// cells must stay empty.
  private let unnamed: [Int]
  /// The positions of row-number columns (``MilestoneSheet/rowNumberHeadings``), not read: a row that holds nothing
  /// but those cells is a blank row of a template numbered ahead.
  private let rowNumbers: [Int]
  /// The first row-number column's heading as the sheet writes it (`序　号`), which a row passed over names.
  private let rowNumberHeading: String
  /// The trimmed non-empty cells of the current record, by column.
  private var cells: [String?]
  /// Whether a row read so far gave a project code: a row without one below it is most likely under a merged cell.
  private var sawProjectCode = false
  /// The rows that held text other than a row number in a row-number column and nothing else, the first
  /// ``shownPassedOver`` of them, and a line counting the rest (``passOver(_:at:heading:)``).
  private(set) var passedOver: [LineMessage] = []
  private var passedOverCount = 0
  /// As many as an import shows of its notices.
  private static let shownPassedOver = 20
  private var finished = false
  private var decoded: [UInt8] = []

  /// Decides the encoding of `source`, then reads and checks its header.
  init(_ source: ByteSource, catalogue: RuleCatalogue, today: CivilDate) throws(FileProblems) {
    file = source.name
    self.catalogue = catalogue
    self.today = today
    do throws(FileProblem) {
      let (encoding, bomLength) = try CSVText.detectEncoding(source)
      self.encoding = encoding
      records = CSVRecords(source, skip: bomLength)
      // Ten columns are known; more than a thousand header cells are a wrong file, listed in part.
      records.keep = 1_000
      guard try records.next() else {
        throw FileProblem(file: file, line: nil, field: nil, message: "the file is empty; the first row must name the columns")
      }
    } catch {
      throw FileProblems([error])
    }
    var header: [String] = []
    for position in 0..<records.ends.count {
      guard let name = Self.decode(records, position, encoding, &decoded) else { throw FileProblems([CSVText.undecodable(file)]) }
      header.append(name)
    }
    let line = records.line
    if records.filledBeyondKept > 0 {
      throw FileProblems([FileProblem(file: file, line: line, field: nil, message: """
        the header names a column after its \(header.count)th cell; a sheet of milestones has \
        \(MilestoneSheet.Column.allCases.count) columns at most: is this the right file?
        """)])
    }
    var positions = [Int?](repeating: nil, count: MilestoneSheet.Column.allCases.count)
    var problems: [FileProblem] = []
    var unnamed: [Int] = []
    var rowNumbers: [Int] = []
    var unknown: [String] = []
    for (position, name) in header.enumerated() {
      let cleaned = MilestoneSheet.comparable(name)
      if cleaned.isEmpty {
        unnamed.append(position)
        continue
      }
      if MilestoneSheet.rowNumberHeadings.contains(cleaned) {
        rowNumbers.append(position)
        continue
      }
      guard let column = MilestoneSheet.Column.allCases.first(where: { $0.names.contains(cleaned) }) else {
        unknown.append(name)
        continue
      }
      if let first = positions[column.rawValue] {
        // 文号 and ref are one column by two names: both are named, with where they stand.
        problems.append(FileProblem(file: file, line: line, field: name, message: """
          column given twice: column \(Self.spreadsheetColumn(first + 1)) '\(header[first])' and column \
          \(Self.spreadsheetColumn(position + 1)) '\(name)' are both the column \(column.names.joined(separator: " ("))); delete one of them
          """))
      }
      positions[column.rawValue] = position
    }
    // A sheet saved with tabs or semicolons between its cells is one cell a line to a CSV reader: said as such, not
    // as an unknown column named by the whole header line.
    if header.count == 1, let separator = ["\t", ";", "；", "，"].first(where: { header[0].contains($0) }),
      header[0].components(separatedBy: separator).contains(where: { cell in
        MilestoneSheet.Column.allCases.contains { $0.names.contains(MilestoneSheet.comparable(cell)) }
      })
    {
      let name = ["\t": "tabs", "，": "full-width commas (，)"][separator] ?? "semicolons"
      // Commas an input method typed full-width in a CSV written by hand are replaced, not saved otherwise.
      let fix = separator == "，" ? "type ASCII commas (,) between the cells, in the header and in every row"
        : "save the sheet as CSV UTF-8 (逗号分隔) and import that file"
      throw FileProblems([FileProblem(file: file, line: line, field: nil, message: """
        the header's cells are separated by \(name), not commas: \(fix)
        """)])
    }
    // A sheet's title or group headings (登记表, 基本信息 … 公开情况) in a row above its header, in merged cells that save
    // as a cell each followed by blanks (or the one cell of the line): the header is the row below, and the fix is to
    // delete this one, not to rename it. A header's names stand side by side.
    let named = header.indices.filter { !MilestoneSheet.comparable(header[$0]).isEmpty }
    let spaced = zip(named, named.dropFirst()).allSatisfy { $1 > $0 + 1 }
    if positions.allSatisfy({ $0 == nil }), rowNumbers.isEmpty, (1...3).contains(unknown.count), spaced {
      throw FileProblems([FileProblem(file: file, line: line, field: nil, message: """
        the first line names no column of a sheet of milestones, only \(unknown.map { "'\($0)'" }.joined(separator: ", ")) among \
        empty cells: a title or group row above the header? delete it (unmerge its cells first) so that the header \
        (项目代码, 事项类型, 形成日期 …) is the first line
        """)])
    }
    // One problem for the unknown columns, however many: a file of another form (the audit CSV) has dozens.
    if !unknown.isEmpty {
      let known = MilestoneSheet.columns.map { "\($0.names[0]) (\($0.names[1]))" }.joined(separator: ", ")
      let fix = "rename \(unknown.count == 1 ? "it" : "each") to one of \(known), or delete "
        + "\(unknown.count == 1 ? "the column" : "them") (the import reads no other, a note column such as 备注 included; "
        + "a row-number column, 序号, is passed over)"
      problems.append(unknown.count == 1
        ? FileProblem(file: file, line: line, field: unknown[0], message: "unknown column; \(fix)")
        : FileProblem(file: file, line: line, field: nil, message: "unknown columns \(unknown.prefix(8).joined(separator: ", "))"
            + (unknown.count > 8 ? " and \(unknown.count - 8) more" : "") + "; \(fix)"))
    }
    // A column missing is named as the sheet's columns are: in Chinese where those it has are headed so, or where it
    // has none but its header is in Chinese.
    let known = zip(positions, MilestoneSheet.Column.allCases).compactMap { position, column in position.map { (header[$0], column) } }
    let inChinese = known.isEmpty
      ? header.contains { $0.unicodeScalars.contains(where: RegisterText.isHan) }
      : known.contains { MilestoneSheet.comparable($0.0) == $0.1.names[1] }
    for column in MilestoneSheet.Column.allCases where column.isRequired && positions[column.rawValue] == nil {
      problems.append(FileProblem(file: file, line: line, field: column.names[inChinese ? 1 : 0], message: "required column is missing"))
    }
    guard problems.isEmpty else { throw FileProblems(problems) }
    width = records.count
    kept = header.count
    self.positions = positions
    headings = zip(positions, MilestoneSheet.Column.allCases).map { position, column in
      position.map { Self.shownHeading(header[$0]) } ?? (inChinese ? column.names[1] : nil)
    }
    self.unnamed = unnamed
    self.rowNumbers = rowNumbers
    rowNumberHeading = rowNumbers.first.map { header[$0].trimmingCharacters(in: .whitespaces) } ?? "序号"
    cells = positions.map { _ in nil }
    records.keep = kept
    records.columnNames = header
  }

  /// The next row without problems; nil at the end when no row had any. Rows with problems are recorded in
  /// ``problems`` and skipped; at the end, or when the file cannot be read on, the problems are thrown.
  mutating func next(isRegistered: (ProjectCode) -> Bool) throws(FileProblems) -> MilestoneRow? {
    do throws(FileProblem) {
      while !finished {
        guard try records.next() else {
          finished = true
          break
        }
        if let row = try check(isRegistered: isRegistered) { return row }
      }
    } catch {
      finished = true
      throw problems.error(stoppedBy: error)
    }
    guard problems.isEmpty else { throw problems.error() }
    return nil
  }

  /// The column of `field` as the header names it, or in the header's language where it has no such column; any other
  /// field (`row`) as it is.
  func heading(of field: String) -> String {
    MilestoneSheet.Column.allCases.first { $0.field == field }.flatMap { headings[$0.rawValue] } ?? field
  }

  /// Whether cell `position` of the current record holds only spaces and tabs, as a cell left empty may.
  private func isBlank(_ position: Int) -> Bool {
    Self.isBlank(records.cell(position), encoding)
  }

  /// A header cell as messages name its column: on one line, as the clerk reads a heading typed over two in its cell.
  static func shownHeading(_ cell: String) -> String { cell.filter { !$0.isNewline }.trimmingCharacters(in: .whitespaces) }

  /// The position of the row's first cell that is not blank, among those kept.
  private func firstFilledCell() -> Int? {
    (0..<min(records.count, kept)).first { !isBlank($0) }
  }

  /// The position of the row's one cell that is not blank, or nil when it has none or several: a row of data is
  /// told apart at its second cell.
  private func onlyFilledCell() -> Int? {
    guard let first = firstFilledCell(), ((first + 1)..<min(records.count, kept)).allSatisfy({ isBlank($0) }) else { return nil }
    return first
  }

  /// Whether `cell` holds only white space a clerk types or pastes into a cell left empty: ASCII spaces and tabs,
  /// the full-width space (U+3000) an input method types, and the no-break space (U+00A0) a web page gives. Read
  /// byte by byte in the sheet's encoding: every row asks it of its cells.
  static func isBlank(_ cell: UnsafeBufferPointer<UInt8>, _ encoding: CSVText.Encoding) -> Bool {
    var index = cell.startIndex
    func next(_ bytes: UInt8...) -> Bool {
      guard cell.endIndex - index > bytes.count else { return false }
      return bytes.indices.allSatisfy { cell[index + 1 + $0] == bytes[$0] }
    }
    while index < cell.endIndex {
      switch (cell[index], encoding) {
      case (0x20, _), (0x09, _): index += 1
      case (0xE3, .utf8) where next(0x80, 0x80): index += 3
      case (0xC2, .utf8) where next(0xA0): index += 2
      case (0xA1, .gb18030) where next(0xA1): index += 2
      case (0x81, .gb18030) where next(0x30, 0x84, 0x32): index += 4
      default: return false
      }
    }
    return true
  }

  /// How the footers and totals of ledgers begin: the signatures and date of a form, and its subtotals.
  static let footerWords = ["小计", "合计", "总计", "共计", "填表人", "填报人", "制表人", "制表", "审核人", "审核", "负责人", "填表日期",
                            "填报日期", "制表日期", "联系人", "联系电话", "填报单位", "注：", "说明："]

  /// Whether a cell holds what ledgers put where there is nothing, staff being told to leave no cell empty: read as
  /// the empty cell it stands for, not as a 文号 `无` or a unit `/` that the notices would publish and the morning
  /// alert file the item under.
  static func isPlaceholder(_ text: String) -> Bool { text.utf8.count <= 6 && placeholders.contains(text) }

  private static let placeholders: Set<String> = ["/", "／", "\\", "-", "－", "—", "——", "–", "―", "无", "暂无", "N/A", "n/a"]

  /// Whether a row-number cell holds a row number as people write one: digits, ASCII or full-width, Chinese
  /// numerals, and the marks and letters around them (`1.`, `（1）`, `一、`, `1-1`, `No.3`, `1a`); `填表人：王敏`,
  /// `一、市政工程` or `合计` is not one.
  static func isRowNumber(_ text: String) -> Bool {
    text.contains(where: \.isNumber)
      && text.allSatisfy { $0.isNumber || $0.isPunctuation || $0.isWhitespace || $0.isASCII && $0.isLetter }
  }

  /// Refuses a row whose one cell holds what its cells would, typed with an input method's commas (，): a milestone,
  /// not a note to pass over, nor a project code to call malformed.
  private mutating func refusedAsTypedWithFullWidthCommas(_ text: String, at line: Int) -> Bool {
    guard text.split(separator: "，").count >= 3 else { return false }
    problems.append(FileProblem(file: file, line: line, field: nil, message: """
      the row's cells are separated by full-width commas (，), not commas: type ASCII commas (,) between them
      """))
    return true
  }

  /// Notes a row passed over that holds `text`, not a row number, in a row-number column and nothing else: a footer
  /// (填表人, 合计) or a group heading that names no milestone, said so that a milestone typed there is not lost
  /// in silence.
  /// A row that `begins` with a footer's or a total's words (填表人：王敏 … 审核人：李强, 小计 3) is said so, its other
  /// cells being the note's.
  private mutating func passOver(_ text: String, at line: Int, heading: String, not what: String, begins: Bool = false) {
    passedOverCount += 1
    let shown = Self.shownPassedOver
    if passedOverCount <= shown {
      passedOver.append(LineMessage(line: line, field: heading, message: begins ? """
        the row begins with '\(text)', a footer's or a total's words, not \(what), and was passed over as a note; if it is \
        a milestone, give it its project code
        """ : """
        the row holds only '\(text)', not \(what), and was passed over as a note (a footer, a total or a group heading); \
        if it is a milestone, fill in its other cells
        """))
    } else {
      let more = passedOverCount - shown
      passedOver[shown...] = [LineMessage(line: line, field: heading, message: """
        \(more) more \(more == 1 ? "row holds" : "rows hold") only a note, as the rows above, and \(more == 1 ? "was" : "were") passed over
        """)]
    }
  }

  /// Column `number` (from 1) as a spreadsheet heads it, with the number: `D (4)`, `AA (27)`.
  static func spreadsheetColumn(_ number: Int) -> String {
    var letters = "", rest = number
    while rest > 0 {
      letters = String(UnicodeScalar(UInt8(65 + (rest - 1) % 26))) + letters
      rest = (rest - 1) / 26
    }
    return "\(letters) (\(number))"
  }

  /// Whether a cell holds a number in the scientific notation a spreadsheet gives a long number (`3.10110E+17`):
  /// the digits past the fifteenth are gone, and a 文号 made of digits, such as a 施工许可证's, cannot be read back.
  /// Excel and WPS write a number so only from 12 digits (an exponent of 11 or more); `2E+1` is someone's 文号.
  static func isSpreadsheetNumber(_ text: String) -> Bool {
    func digits(_ part: Substring) -> Bool { !part.isEmpty && part.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    let parts = text.uppercased().split(separator: "E", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].hasPrefix("+"), digits(parts[1].dropFirst()), let exponent = Int(parts[1].dropFirst()),
      exponent >= 11
    else { return false }
    let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    return mantissa.count <= 2 && mantissa.allSatisfy(digits)
  }

  /// Checks the current record: its row, or nil with its problems recorded.
  private mutating func check(isRegistered: (ProjectCode) -> Bool) throws(FileProblem) -> MilestoneRow? {
    let line = records.line
    // Excel and WPS save a row they formatted but left empty as a line of commas: a blank line, not a row; so is a
    // row of a template numbered ahead. Empty cells past the header's last (a trailing comma typed by hand, a sheet
    // formatted wider than its heads) are no cells; one that holds a value is named below.
    if records.filledBeyondKept == 0,
      (0..<min(records.count, kept)).allSatisfy({ isBlank($0) || rowNumbers.contains($0) })
    {
      for position in rowNumbers where position < records.count && !isBlank(position) {
        guard let text = Self.decode(records, position, encoding, &decoded, trimmed: true) else { throw CSVText.undecodable(file) }
        if refusedAsTypedWithFullWidthCommas(text, at: line) { return nil }
        if !Self.isRowNumber(text) { passOver(text, at: line, heading: rowNumberHeading, not: "a row number") }
      }
      return nil
    }
    // Text in one cell alone (合计, 填表人：王敏 under the 项目代码) is a note too, not a row to refuse.
    if records.filledBeyondKept == 0, let alone = onlyFilledCell(), !rowNumbers.contains(alone) {
      guard let text = Self.decode(records, alone, encoding, &decoded, trimmed: true) else { throw CSVText.undecodable(file) }
      // Only under the project codes or names: text alone in a column of text (摘要) is a row half filled in, refused
      // as it is.
      let column = [MilestoneSheet.Column.project, .name].first { positions[$0.rawValue] == alone }
      // A row typed with full-width commas lands whole in its first cell, or in the code's after an empty 序号.
      if alone == 0 || column != nil, refusedAsTypedWithFullWidthCommas(text, at: line) { return nil }
      if let column, text.contains(where: { !$0.isASCII && $0.isLetter }), (try? ProjectCode(text)) == nil {
        passOver(text, at: line, heading: heading(of: column.field), not: column == .project ? "a project code" : "a project's name")
        return nil
      }
    }
    // A footer spread over the row (填表人：王敏 … 审核人：李强 … 填表日期) or a total with its count (小计 3), with no project
    // code: a note too. Only a first cell that is not ASCII is decoded to look, which no row of data has in 项目代码 or 序号.
    if let first = firstFilledCell(), records.cell(first).first.map({ $0 >= 0x80 }) == true {
      guard let text = Self.decode(records, first, encoding, &decoded, trimmed: true) else { throw CSVText.undecodable(file) }
      let code = positions[MilestoneSheet.Column.project.rawValue].flatMap { position in
        position < records.count ? Self.decode(records, position, encoding, &decoded, trimmed: true) : nil
      }
      if Self.footerWords.contains(where: text.hasPrefix), code.map({ (try? ProjectCode($0)) == nil }) ?? true {
        let heading = first < records.columnNames.count ? Self.shownHeading(records.columnNames[first]) : "row"
        passOver(text, at: line, heading: heading, not: "a milestone", begins: true)
        return nil
      }
    }
    // The end-of-file mark (Ctrl-Z, 0x1A) that DOS-era tools put after the last line is no row.
    if records.count == 1, records.cell(0).elementsEqual([0x1A]) { return nil }
    let found = problems.count
    func problem(_ field: String, _ message: String) {
      // A message that begins with the field's name names it once, before it, as the header does.
      let heading = heading(of: field)
      let message = message.hasPrefix(field + " ") ? String(message.dropFirst(field.count + 1)) : message
      problems.append(FileProblem(file: file, line: line, field: heading, message: message))
    }
    for position in unnamed where position < records.count && !isBlank(position) {
      problem("row", "column \(Self.spreadsheetColumn(position + 1)) holds a value but has no name in the header; name the column or clear it")
    }
    if records.filledBeyondKept > 0 {
      problem("row", "column \(Self.spreadsheetColumn(records.filledBeyondKept)) holds a value but has no name in the header; name the column or clear it")
    }
    for (column, position) in positions.enumerated() {
      cells[column] = nil
      guard let position, position < records.count else { continue }
      guard let text = Self.decode(records, position, encoding, &decoded, trimmed: true) else { throw CSVText.undecodable(file) }
      // A summary's lines as a file saved on Windows (CR LF) or an old Mac (CR) breaks them, as its rows.
      if !text.isEmpty, !Self.isPlaceholder(text) {
        cells[column] = column == MilestoneSheet.Column.summary.rawValue ? RegisterText.withLineFeeds(text) : text
      }
    }
    func cell(_ column: MilestoneSheet.Column) -> String? { cells[column.rawValue] }
    func date(_ column: MilestoneSheet.Column) -> CivilDate? {
      guard let text = cell(column) else { return nil }
      do { return try CivilDate(parsingYearFirst: text) } catch {
        problem(column.field, error.description)
        return nil
      }
    }
    var code: ProjectCode?
    if let text = cell(.project) {
      sawProjectCode = true
      do { code = try ProjectCode(text) } catch { problem("project", ReferenceList.message(for: error)) }
    } else {
      // Rows of one project under a merged cell (合并单元格), which keeps its value in its first row only.
      problem("project", "required; the project's 项目代码 in every row" + (sawProjectCode
        ? " (a merged cell keeps it in its first row only: unmerge the column and fill the code down)" : ""))
    }
    if let code, !isRegistered(code) {
      problem("project", "unknown project '\(code)'; register it first with `gongkai project add`")
    }
    // A row whose kind or date is missing or unreadable is still checked whole, so that one import lists every
    // problem of the row; only what compares with the date waits for a date.
    // A cell after gongkai's tab, or its apostrophe before a formula's first byte (``GongkaiCSV/FormulaEscape``), was
    // kept as text: what it holds is the text as recorded.
    func keptAsText(_ column: MilestoneSheet.Column) -> Bool {
      guard let position = positions[column.rawValue], position < records.count else { return false }
      let cell = records.cell(position)
      let start = cell.firstIndex { $0 != 0x20 } ?? cell.endIndex
      return cell.first == 0x09 || FormulaEscape.isWritten(in: UnsafeBufferPointer(rebasing: cell[start...]))
    }
    for column in [MilestoneSheet.Column.ref, .summary, .unit, .channel, .url, .name] {
      guard let text = cell(column), !keptAsText(column) else { continue }
      if SpreadsheetError.isErrorValue(text) {
        problem(column.field, """
          '\(text)' is the error a spreadsheet shows where a formula failed or a value could not be read, not the value: \
          type the value itself, in a cell formatted as text (设置单元格格式 → 文本)
          """)
      } else if SpreadsheetError.isFormula(text) {
        problem(column.field, """
          '\(text)' is a spreadsheet formula, not its value (the sheet was saved showing its formulas): save the values \
          (复制 → 选择性粘贴 → 数值) or type the value itself
          """)
      } else if column != .url, column != .name, let (open, close) = RegisterText.wrappingQuotes(of: text) {
        // As in a project file: the quotes would be recorded, and published, with the text.
        problem(column.field, "'\(text)' is wrapped in \(open)\(close), which would be recorded and published with it: remove them")
      }
    }
    if let reference = cell(.ref), !keptAsText(.ref), Self.isSpreadsheetNumber(reference) {
      problem("ref", """
        '\(reference)' is how Excel and WPS show a long number, with its last digits lost: format the column as text \
        (设置单元格格式 → 文本) and type the 文号 again
        """)
    }
    let kind = cell(.kind)
    if kind == nil { problem("kind", "required; a code from `gongkai rules`") }
    let formed = date(.formed)
    if cell(.formed) == nil { problem("formed", "required; the day the information was formed, YYYY-MM-DD") }
    var disclosures: [Disclosure] = []
    // Both dates are read, so that one import names what is wrong with each.
    let (published, until) = (date(.published), date(.until))
    if let published {
      let disclosure = Disclosure(publishedOn: published, channel: cell(.channel) ?? "", url: cell(.url), until: until)
      // Asked of the rules only of a publication before its day (an autoclosure), which nearly no row has; a local
      // function, not a closure value, whose context would be allocated for every row.
      let (catalogue, isChange) = (catalogue, cell(.changes) != nil)
      func admitted() -> Bool {
        formed.map { catalogue.admitsPublicationBeforeFormation(of: kind ?? "", formedOn: $0, isChange: isChange) } ?? false
      }
      for error in disclosure.problems(formedOn: formed ?? published, admittedBefore: admitted(), today: today) {
        problem(error.field, error.message)
      }
      disclosures.append(disclosure)
    } else if cell(.published) == nil, cell(.channel) != nil || cell(.url) != nil || cell(.until) != nil {
      let given = [MilestoneSheet.Column.channel, .url, .until].filter { cell($0) != nil }.map { heading(of: $0.field) }
      problem("published", "the row gives \(given.joined(separator: " and ")) but no publication date; give the day it was published")
    }
    guard let kind, let formed else {
      let problems = MilestoneEntry.problems(
        kind: kind, reference: cell(.ref), summary: cell(.summary), responsibleUnit: cell(.unit), withdrawnReason: nil,
        catalogue: catalogue)
      for error in problems { problem(error.field, error.message) }
      return nil
    }
    // The milestone this one changes, in the project file's form; the register finds it (``SQLiteStore``).
    var changes: MilestoneKey?
    if let link = cell(.changes) {
      changes = MilestoneKey(reference: link).flatMap { $0.kind.isEmpty ? nil : $0 }
      if let changed = changes {
        if changed.kind == kind, changed.formedOn == formed, changed.reference.map({ $0 == cell(.ref) ?? "" }) ?? false {
          problem("changes", RegisterError.changesItself(link).message)
        } else if let refusal = catalogue.changeProblem(kind: kind, changing: changed.kind, link: link) {
          problem(refusal.field, refusal.message)
        }
      } else if let date = MilestoneKey.dateProblem(in: link) {
        problem("changes", "'\(link)': its day \(date)")
      } else {
        problem("changes", """
          '\(link)' names no milestone; give the kind and day (YYYY-MM-DD) of the one this changes, KIND@DATE, and #文号 \
          where two share them (# alone for the one without), e.g. bidding.contract@2024-06-20#HT-1
          """)
      }
    }
    let entry = MilestoneEntry(kind: kind, formedOn: formed, reference: cell(.ref), summary: cell(.summary),
                               responsibleUnit: cell(.unit), changes: changes, disclosures: disclosures)
    for error in entry.problems(catalogue: catalogue, today: today) { problem(error.field, error.message) }
    guard let code, problems.count == found else { return nil }
    return MilestoneRow(line: line, project: code, projectName: cell(.name), entry: entry)
  }

  /// The text of cell `position` of the current record, `trimmed` of white space as
  /// `trimmingCharacters(in: .whitespaces)` would; nil when it does not decode.
  private static func decode(
    _ records: CSVRecords, _ position: Int, _ encoding: CSVText.Encoding, _ decoded: inout [UInt8], trimmed: Bool = false
  ) -> String? {
    var bytes = records.cell(position)
    if trimmed {
      // ASCII space and tab cheaply; other white space only where an end is not ASCII.
      while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst()) }
      while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
      if bytes.isEmpty { return "" }
      // gongkai's CSV writes a `'` before a value a spreadsheet would run as a formula (`'+86-HT`); a spreadsheet
      // keeps such an apostrophe to itself when it saves, so one in the file is that escape, dropped as the tab is.
      if FormulaEscape.isWritten(in: bytes) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst()) }
    }
    if encoding == .gb18030 && bytes.contains(where: { $0 >= 0x80 }) {
      guard let table = GB18030Table.shared else { return nil }
      var decoder = GB18030Decoder(table: table)
      decoded.removeAll(keepingCapacity: true)
      let valid = decoder.decode(bytes, ascii: { decoded.append(contentsOf: $0); return true }) { value in
        // Every value is a scalar: the tables hold what Foundation decoded, the planes end at U+10FFFF.
        switch value {
        case ..<0x800:
          decoded.append(0xC0 | UInt8(value >> 6))
        case ..<0x1_0000:
          decoded.append(0xE0 | UInt8(value >> 12))
          decoded.append(0x80 | UInt8(value >> 6 & 0x3F))
        default:
          decoded.append(0xF0 | UInt8(value >> 18))
          decoded.append(0x80 | UInt8(value >> 12 & 0x3F))
          decoded.append(0x80 | UInt8(value >> 6 & 0x3F))
        }
        decoded.append(0x80 | UInt8(value & 0x3F))
        return true
      }
      guard valid, decoder.isComplete else { return nil }
      return decoded.withUnsafeBufferPointer { text(utf8: $0, trimmed: trimmed) }
    }
    return text(utf8: bytes, trimmed: trimmed)
  }

  /// The text of UTF-8 `bytes`, `trimmed` of white space beyond ASCII.
  private static func text(utf8 bytes: UnsafeBufferPointer<UInt8>, trimmed: Bool) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    guard trimmed, let first = bytes.first, var last = bytes.last else { return text }
    if last >= 0x80, let lead = bytes.lastIndex(where: { $0 & 0xC0 != 0x80 }) { last = bytes[lead] }
    guard CSVText.mayBeWhitespaceBeyondASCII(lead: first) || CSVText.mayBeWhitespaceBeyondASCII(lead: last) else { return text }
    if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
      CSVText.isWhitespaceBeyondASCII(first) || CSVText.isWhitespaceBeyondASCII(last) {
      return text.trimmingCharacters(in: .whitespaces)
    }
    return text
  }
}
