import GRDB

// Table rows. Dates are TEXT `YYYY-MM-DD` so the database reads well in the sqlite3 shell and sorts by date;
// audit instants are ISO 8601 TEXT in China Standard Time.

struct ProjectRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "project"
  var id: Int64?
  var code: String
  var name: String
  var legalPerson: String?
  var location: String?
  var totalInvestment: String?
  var responsibleUnit: String
  /// Why the project was withdrawn as registered by mistake; nil while in force.
  var withdrawnReason: String? = nil
  /// Why the project was last reinstated after a withdrawal made by mistake; nil while never reinstated. Kept when
  /// it is withdrawn again, as a milestone keeps its last amendment's reason.
  var reinstatedReason: String? = nil
  /// Why the project's code was last corrected (`project recode`); nil while it has the code it was registered under.
  var recodedReason: String? = nil

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct MilestoneRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "milestone"
  var id: Int64?
  var projectId: Int64
  var kind: String
  var category: String
  var formedOn: String
  var reference: String?
  var summary: String?
  var responsibleUnit: String?
  var changesId: Int64?
  var withdrawnReason: String?
  var recordedBy: String
  var recordedAt: String
  /// Why the milestone was last corrected (`gongkai amend --reason`); nil while never amended.
  var amendmentReason: String?
  /// Why the milestone was last put back in force after a withdrawal made by mistake (`gongkai reinstate`); nil while
  /// never reinstated on its own.
  var reinstatedReason: String? = nil

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct DisclosureRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "disclosure"
  var id: Int64?
  var milestoneId: Int64
  var publishedOn: String
  var channel: String
  var url: String?
  var until: String?
  var withdrawnReason: String?
  var recordedBy: String
  var recordedAt: String
  var serialYear: Int?
  var serial: Int?
  /// Why the publication was last put back in force after a withdrawal made by mistake (`gongkai reinstate
  /// --disclosure`); nil while never reinstated.
  var reinstatedReason: String? = nil

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The register's own settings: its one row, absent while the register is kept under the national rules.
struct RegisterRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "register"
  /// The row's id, the only one the schema allows.
  static let id: Int64 = 1
  var id: Int64?
  /// The profiles the register is kept under, base first, as ``GongkaiCore/RuleCatalogue/profile`` names them.
  var profile: String
  /// The organisation code of the register's 索引号, where one is recorded (``Store/organisation()``).
  var organisation: String? = nil

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct ChangeLogRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "changeLog"
  var id: Int64?
  var at: String
  var actor: String
  var action: String
  var entity: String
  var entityId: Int64
  var projectCode: String
  var before: String?
  var after: String?
  /// SHA-256 over the previous row's hash and this row (``ChangeChain``).
  var hash: String?

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

// Rows decoded by hand, column by column: GRDB's Codable decoding took 40 % of `audit verify`, which reads every
// row of the register and of its change log (writes still encode through Codable). Each record lists its columns
// and decodes them by position, found by name once per statement where a whole table is read (``ColumnPositions``),
// from GRDB's rows or from rows read through SQLite's C API (``PreparedStatement``), which `audit verify` uses.

/// A row whose columns a record can be read from: GRDB's, or one read through SQLite's C API.
protocol StoredColumns {
  /// The column's text; nil when it is NULL.
  func text(at index: Int) throws -> String?
  /// The column's whole number; nil when it is NULL.
  func integer(at index: Int) throws -> Int64?
}

extension Row: StoredColumns {
  func text(at index: Int) throws -> String? { try decode(atIndex: index) }
  func integer(at index: Int) throws -> Int64? { try decode(atIndex: index) }
}

/// Where a record's columns are in the rows of a statement, found by name: decoding a row by column name
/// lowercases and hashes each name again for every row, a tenth of `audit verify`'s time.
struct ColumnPositions {
  private let indexes: [Int]
  private let names: [String]
  private let table: String

  /// The positions of `names` among a statement's or a row's column names; throws when one is missing (a column
  /// dropped outside gongkai).
  init(_ names: [String], of table: String, among available: [String]) throws {
    indexes = try names.map { name in
      // Case-insensitive, as SQLite and GRDB match column names.
      guard let index = available.firstIndex(of: name) ?? available.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
        throw StoreError.edited("the column \(name) of table \(table) is missing")
      }
      return index
    }
    self.names = names
    self.table = table
  }

  /// One row's columns, read by the record's column numbers.
  func reading<Row: StoredColumns>(_ row: Row) -> RecordColumns<Row> { RecordColumns(row: row, positions: self) }

  /// The position of the `column`th of the names.
  fileprivate subscript(column: Int) -> Int { indexes[column] }

  /// A NOT NULL column found NULL: the schema was changed outside gongkai.
  fileprivate func missingValue(_ column: Int) -> StoreError {
    StoreError.edited("the column \(names[column]) of table \(table) holds no value")
  }
}

/// A row's columns by the record's own column numbers (its ``PositionallyDecoded/columns``); a required column
/// found NULL throws, naming it.
struct RecordColumns<Row: StoredColumns> {
  let row: Row
  let positions: ColumnPositions

  func text(_ column: Int) throws -> String? { try row.text(at: positions[column]) }
  func text(_ column: Int) throws -> String {
    guard let value = try row.text(at: positions[column]) else { throw positions.missingValue(column) }
    return value
  }
  func integer(_ column: Int) throws -> Int64? { try row.integer(at: positions[column]) }
  func integer(_ column: Int) throws -> Int64 {
    guard let value = try row.integer(at: positions[column]) else { throw positions.missingValue(column) }
    return value
  }
  func integer(_ column: Int) throws -> Int? { try row.integer(at: positions[column]).map(Int.init) }
}

/// A record decoded by the positions of its ``columns``, in that order.
protocol PositionallyDecoded: FetchableRecord, TableRecord {
  static var columns: [String] { get }
  init(_ columns: RecordColumns<some StoredColumns>) throws
}

extension PositionallyDecoded {
  init(row: Row) throws {
    try self.init(ColumnPositions(Self.columns, of: Self.databaseTableName, among: Array(row.columnNames)).reading(row))
  }

  /// The records `sql` selects, its columns looked up once.
  static func fetchCursor(positionally db: Database, sql: String, arguments: StatementArguments = StatementArguments())
    throws -> some Cursor<Self>
  {
    let statement = try db.makeStatement(sql: sql)
    let positions = try ColumnPositions(columns, of: databaseTableName, among: statement.columnNames)
    return try Row.fetchCursor(statement, arguments: arguments).map { try Self(positions.reading($0)) }
  }
}

extension ProjectRecord: PositionallyDecoded {
  static let columns = ["id", "code", "name", "legalPerson", "location", "totalInvestment", "responsibleUnit", "withdrawnReason",
                        "reinstatedReason", "recodedReason"]

  init(_ column: RecordColumns<some StoredColumns>) throws {
    id = try column.integer(0)
    code = try column.text(1)
    name = try column.text(2)
    legalPerson = try column.text(3)
    location = try column.text(4)
    totalInvestment = try column.text(5)
    responsibleUnit = try column.text(6)
    withdrawnReason = try column.text(7)
    reinstatedReason = try column.text(8)
    recodedReason = try column.text(9)
  }
}

extension MilestoneRecord: PositionallyDecoded {
  static let columns = [
    "id", "projectId", "kind", "category", "formedOn", "reference", "summary", "responsibleUnit", "changesId",
    "withdrawnReason", "recordedBy", "recordedAt", "amendmentReason", "reinstatedReason",
  ]

  init(_ column: RecordColumns<some StoredColumns>) throws {
    id = try column.integer(0)
    projectId = try column.integer(1)
    kind = try column.text(2)
    category = try column.text(3)
    formedOn = try column.text(4)
    reference = try column.text(5)
    summary = try column.text(6)
    responsibleUnit = try column.text(7)
    changesId = try column.integer(8)
    withdrawnReason = try column.text(9)
    recordedBy = try column.text(10)
    recordedAt = try column.text(11)
    amendmentReason = try column.text(12)
    reinstatedReason = try column.text(13)
  }
}

extension DisclosureRecord: PositionallyDecoded {
  static let columns = [
    "id", "milestoneId", "publishedOn", "channel", "url", "until", "withdrawnReason", "recordedBy", "recordedAt",
    "serialYear", "serial", "reinstatedReason",
  ]

  init(_ column: RecordColumns<some StoredColumns>) throws {
    id = try column.integer(0)
    milestoneId = try column.integer(1)
    publishedOn = try column.text(2)
    channel = try column.text(3)
    url = try column.text(4)
    until = try column.text(5)
    withdrawnReason = try column.text(6)
    recordedBy = try column.text(7)
    recordedAt = try column.text(8)
    serialYear = try column.integer(9)
    serial = try column.integer(10)
    reinstatedReason = try column.text(11)
  }
}

extension RegisterRecord: PositionallyDecoded {
  static let columns = ["id", "profile", "organisation"]

  init(_ column: RecordColumns<some StoredColumns>) throws {
    id = try column.integer(0)
    profile = try column.text(1)
    organisation = try column.text(2)
  }
}

extension ChangeLogRecord: PositionallyDecoded {
  static let columns = ["id", "at", "actor", "action", "entity", "entityId", "projectCode", "before", "after", "hash"]

  init(_ column: RecordColumns<some StoredColumns>) throws {
    id = try column.integer(0)
    at = try column.text(1)
    actor = try column.text(2)
    action = try column.text(3)
    entity = try column.text(4)
    entityId = try column.integer(5)
    projectCode = try column.text(6)
    before = try column.text(7)
    after = try column.text(8)
    hash = try column.text(9)
  }
}

extension NoticeSerial {
  /// The serial as stored; a row without one (written outside gongkai) gets number 0 of its publication year
  /// rather than stopping an export.
  init(stored year: Int?, _ number: Int?, publishedOn: String) {
    self.init(year: year ?? Int(publishedOn.prefix(4)) ?? 0, number: number ?? 0)
  }
}
