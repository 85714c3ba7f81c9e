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
// row of the register and of its change log (writes still encode through Codable).

extension ProjectRecord {
  init(row: Row) throws {
    id = try row.decode(forColumn: "id")
    code = try row.decode(forColumn: "code")
    name = try row.decode(forColumn: "name")
    legalPerson = try row.decode(forColumn: "legalPerson")
    location = try row.decode(forColumn: "location")
    totalInvestment = try row.decode(forColumn: "totalInvestment")
    responsibleUnit = try row.decode(forColumn: "responsibleUnit")
  }
}

extension MilestoneRecord {
  init(row: Row) throws {
    id = try row.decode(forColumn: "id")
    projectId = try row.decode(forColumn: "projectId")
    kind = try row.decode(forColumn: "kind")
    category = try row.decode(forColumn: "category")
    formedOn = try row.decode(forColumn: "formedOn")
    reference = try row.decode(forColumn: "reference")
    summary = try row.decode(forColumn: "summary")
    responsibleUnit = try row.decode(forColumn: "responsibleUnit")
    changesId = try row.decode(forColumn: "changesId")
    withdrawnReason = try row.decode(forColumn: "withdrawnReason")
    recordedBy = try row.decode(forColumn: "recordedBy")
    recordedAt = try row.decode(forColumn: "recordedAt")
    amendmentReason = try row.decode(forColumn: "amendmentReason")
  }
}

extension DisclosureRecord {
  init(row: Row) throws {
    id = try row.decode(forColumn: "id")
    milestoneId = try row.decode(forColumn: "milestoneId")
    publishedOn = try row.decode(forColumn: "publishedOn")
    channel = try row.decode(forColumn: "channel")
    url = try row.decode(forColumn: "url")
    until = try row.decode(forColumn: "until")
    withdrawnReason = try row.decode(forColumn: "withdrawnReason")
    recordedBy = try row.decode(forColumn: "recordedBy")
    recordedAt = try row.decode(forColumn: "recordedAt")
    serialYear = try row.decode(forColumn: "serialYear")
    serial = try row.decode(forColumn: "serial")
  }
}

extension RegisterRecord {
  init(row: Row) throws {
    id = try row.decode(forColumn: "id")
    profile = try row.decode(forColumn: "profile")
  }
}

extension ChangeLogRecord {
  init(row: Row) throws {
    id = try row.decode(forColumn: "id")
    at = try row.decode(forColumn: "at")
    actor = try row.decode(forColumn: "actor")
    action = try row.decode(forColumn: "action")
    entity = try row.decode(forColumn: "entity")
    entityId = try row.decode(forColumn: "entityId")
    projectCode = try row.decode(forColumn: "projectCode")
    before = try row.decode(forColumn: "before")
    after = try row.decode(forColumn: "after")
    hash = try row.decode(forColumn: "hash")
  }
}

extension NoticeSerial {
  /// The serial as stored; a row without one (written outside gongkai) gets number 0 of its publication year
  /// rather than stopping an export.
  init(stored year: Int?, _ number: Int?, publishedOn: String) {
    self.init(year: year ?? Int(publishedOn.prefix(4)) ?? 0, number: number ?? 0)
  }
}
