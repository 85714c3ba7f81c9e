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
// and decodes them by position, found by name once per statement where a whole table is read (``ColumnPositions``).

/// Where a record's columns are in the rows of a statement, found by name: decoding a row by column name
/// lowercases and hashes each name again for every row, a tenth of `audit verify`'s time.
struct ColumnPositions {
  private let indexes: [Int]

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
  }

  /// The position of the `column`th of the names.
  subscript(column: Int) -> Int { indexes[column] }
}

/// A record decoded by the positions of its ``columns``, in that order.
protocol PositionallyDecoded: FetchableRecord, TableRecord {
  static var columns: [String] { get }
  init(row: Row, at positions: ColumnPositions) throws
}

extension PositionallyDecoded {
  init(row: Row) throws { try self.init(row: row, at: ColumnPositions(Self.columns, of: Self.databaseTableName, among: Array(row.columnNames))) }

  /// The records `sql` selects, its columns looked up once.
  static func fetchCursor(positionally db: Database, sql: String, arguments: StatementArguments = StatementArguments())
    throws -> some Cursor<Self>
  {
    let statement = try db.makeStatement(sql: sql)
    let positions = try ColumnPositions(columns, of: databaseTableName, among: statement.columnNames)
    return try Row.fetchCursor(statement, arguments: arguments).map { try Self(row: $0, at: positions) }
  }
}

extension ProjectRecord: PositionallyDecoded {
  static let columns = ["id", "code", "name", "legalPerson", "location", "totalInvestment", "responsibleUnit"]

  init(row: Row, at column: ColumnPositions) throws {
    id = try row.decode(atIndex: column[0])
    code = try row.decode(atIndex: column[1])
    name = try row.decode(atIndex: column[2])
    legalPerson = try row.decode(atIndex: column[3])
    location = try row.decode(atIndex: column[4])
    totalInvestment = try row.decode(atIndex: column[5])
    responsibleUnit = try row.decode(atIndex: column[6])
  }
}

extension MilestoneRecord: PositionallyDecoded {
  static let columns = [
    "id", "projectId", "kind", "category", "formedOn", "reference", "summary", "responsibleUnit", "changesId",
    "withdrawnReason", "recordedBy", "recordedAt", "amendmentReason",
  ]

  init(row: Row, at column: ColumnPositions) throws {
    id = try row.decode(atIndex: column[0])
    projectId = try row.decode(atIndex: column[1])
    kind = try row.decode(atIndex: column[2])
    category = try row.decode(atIndex: column[3])
    formedOn = try row.decode(atIndex: column[4])
    reference = try row.decode(atIndex: column[5])
    summary = try row.decode(atIndex: column[6])
    responsibleUnit = try row.decode(atIndex: column[7])
    changesId = try row.decode(atIndex: column[8])
    withdrawnReason = try row.decode(atIndex: column[9])
    recordedBy = try row.decode(atIndex: column[10])
    recordedAt = try row.decode(atIndex: column[11])
    amendmentReason = try row.decode(atIndex: column[12])
  }
}

extension DisclosureRecord: PositionallyDecoded {
  static let columns = [
    "id", "milestoneId", "publishedOn", "channel", "url", "until", "withdrawnReason", "recordedBy", "recordedAt",
    "serialYear", "serial",
  ]

  init(row: Row, at column: ColumnPositions) throws {
    id = try row.decode(atIndex: column[0])
    milestoneId = try row.decode(atIndex: column[1])
    publishedOn = try row.decode(atIndex: column[2])
    channel = try row.decode(atIndex: column[3])
    url = try row.decode(atIndex: column[4])
    until = try row.decode(atIndex: column[5])
    withdrawnReason = try row.decode(atIndex: column[6])
    recordedBy = try row.decode(atIndex: column[7])
    recordedAt = try row.decode(atIndex: column[8])
    serialYear = try row.decode(atIndex: column[9])
    serial = try row.decode(atIndex: column[10])
  }
}

extension RegisterRecord: PositionallyDecoded {
  static let columns = ["id", "profile"]

  init(row: Row, at column: ColumnPositions) throws {
    id = try row.decode(atIndex: column[0])
    profile = try row.decode(atIndex: column[1])
  }
}

extension ChangeLogRecord: PositionallyDecoded {
  static let columns = ["id", "at", "actor", "action", "entity", "entityId", "projectCode", "before", "after", "hash"]

  init(row: Row, at column: ColumnPositions) throws {
    id = try row.decode(atIndex: column[0])
    at = try row.decode(atIndex: column[1])
    actor = try row.decode(atIndex: column[2])
    action = try row.decode(atIndex: column[3])
    entity = try row.decode(atIndex: column[4])
    entityId = try row.decode(atIndex: column[5])
    projectCode = try row.decode(atIndex: column[6])
    before = try row.decode(atIndex: column[7])
    after = try row.decode(atIndex: column[8])
    hash = try row.decode(atIndex: column[9])
  }
}

extension NoticeSerial {
  /// The serial as stored; a row without one (written outside gongkai) gets number 0 of its publication year
  /// rather than stopping an export.
  init(stored year: Int?, _ number: Int?, publishedOn: String) {
    self.init(year: year ?? Int(publishedOn.prefix(4)) ?? 0, number: number ?? 0)
  }
}
