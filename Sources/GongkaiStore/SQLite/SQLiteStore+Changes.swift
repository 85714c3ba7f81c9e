import Foundation
import GRDB
import GongkaiCore

/// Writes that go through the change log: every insert, update and withdrawal records who, when, and the
/// values before and after, in the same transaction as the change itself.
extension SQLiteStore {
  static let changeEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  func logChange(
    _ db: Database, action: String, entity: String, id: Int64, project: String, actor: String,
    before: (some Encodable)?, after: (some Encodable)?
  ) throws {
    func json(_ value: (some Encodable)?) throws -> String? {
      try value.map { String(decoding: try Self.changeEncoder.encode($0), as: UTF8.self) }
    }
    var entry = ChangeLogRecord(
      id: nil, at: clock(), actor: actor, action: action, entity: entity, entityId: id, projectCode: project,
      before: try json(before), after: try json(after), hash: nil)
    try entry.insert(db)
    try ChangeChain.seal(&entry, db)
  }

  /// Inserts a row and logs it.
  func insert<Record: LoggedRecord>(_ record: inout Record, project: String, actor: String, _ db: Database) throws {
    try record.prepareInsert(db)
    try record.insert(db)
    try logChange(db, action: "insert", entity: Record.entity, id: record.id!, project: project, actor: actor,
                  before: Record?.none, after: record)
  }

  /// Writes a changed row and logs it as an update, or as a withdrawal when that is the change; returns
  /// whether anything changed.
  func update<Record: LoggedRecord>(_ record: Record, from old: Record, project: String, actor: String, _ db: Database) throws -> Bool {
    guard record != old else { return false }
    try record.update(db)
    let action = old.withdrawnReason == nil && record.withdrawnReason != nil ? "withdraw" : "update"
    try logChange(db, action: action, entity: Record.entity, id: record.id!, project: project, actor: actor,
                  before: old, after: record)
    return true
  }
}

/// A row whose every change goes to the change log.
protocol LoggedRecord: MutablePersistableRecord, Encodable, Equatable {
  /// `project`, `milestone` or `disclosure`, as the change log names it.
  static var entity: String { get }
  var id: Int64? { get }
  var withdrawnReason: String? { get }
  /// Fills in what the database assigns before the row is written.
  mutating func prepareInsert(_ db: Database) throws
}

extension LoggedRecord {
  mutating func prepareInsert(_ db: Database) throws {}
}

extension ProjectRecord: LoggedRecord {
  static let entity = "project"
  var withdrawnReason: String? { nil }
}

extension MilestoneRecord: LoggedRecord {
  static let entity = "milestone"
}

extension DisclosureRecord: LoggedRecord {
  static let entity = "disclosure"

  /// The next serial of the publication's year; the write transaction serialises concurrent writers.
  mutating func prepareInsert(_ db: Database) throws {
    let year = Int(publishedOn.prefix(4))!
    serialYear = year
    serial = try Int.fetchOne(db.cachedStatement(sql: "SELECT IFNULL(MAX(serial), 0) + 1 FROM disclosure WHERE serialYear = ?"),
                              arguments: [year])
  }
}

// MARK: - Conversions between rows and domain values

extension ProjectRecord {
  init(_ project: Project, id: Int64?) {
    self.init(id: id, code: project.code.rawValue, name: project.name, legalPerson: project.legalPerson,
              location: project.location, totalInvestment: project.totalInvestment,
              responsibleUnit: project.responsibleUnit)
  }

  func project() throws -> Project {
    Project(code: try ProjectCode.stored(code), name: name, legalPerson: legalPerson, location: location,
            totalInvestment: totalInvestment, responsibleUnit: responsibleUnit)
  }
}

extension DisclosureRecord {
  var disclosure: Disclosure {
    get throws {
      Disclosure(publishedOn: try CivilDate.stored(publishedOn), channel: channel, url: url,
                 until: try until.map(CivilDate.stored))
    }
  }
}

extension CivilDate {
  /// A date read back from the database; a value edited into something else is a data error.
  static func stored(_ text: String) throws -> CivilDate {
    do { return try CivilDate(parsing: text) } catch { throw StoreError.io("stored date '\(text)' is not a date; the database was edited outside gongkai") }
  }
}

extension ProjectCode {
  static func stored(_ text: String) throws -> ProjectCode {
    do { return try ProjectCode(text) } catch { throw StoreError.io("stored project code '\(text)' is malformed; the database was edited outside gongkai") }
  }
}
