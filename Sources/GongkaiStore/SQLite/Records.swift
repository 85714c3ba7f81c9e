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

extension NoticeSerial {
  /// The serial as stored; a row without one (written outside gongkai) gets number 0 of its publication year
  /// rather than stopping an export.
  init(stored year: Int?, _ number: Int?, publishedOn: String) {
    self.init(year: year ?? Int(publishedOn.prefix(4)) ?? 0, number: number ?? 0)
  }
}
