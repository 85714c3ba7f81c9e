import Foundation
import GRDB

extension SQLiteStore {
  public func divergencesFromChangeLog(limit: Int) throws -> [LogDivergence] {
    try read { db in try LoggedState.divergences(db, limit: limit) }
  }
}

/// The register's rows against the change log: every row must hold the values its last change-log row gives
/// it. The hash chain proves the log was not edited; this proves the tables were not edited beside it (a
/// publication back-dated with the sqlite3 shell leaves the chain intact).
///
/// The log's rows are read by the row they change, from the index kept for this (`changeLog_by_row`, which SQLite
/// picks itself: with it dropped outside gongkai, the check sorts in temporary files again, only slower), and walked
/// in step with each table read in id order: neither memory nor temporary files grow with the register.
enum LoggedState {
  /// The first `limit` rows that do not match the change log: disclosures, then milestones, then projects, then
  /// the register's own row (the order of their names, in which the grouped log comes).
  static func divergences(_ db: Database, limit: Int) throws -> [LogDivergence] {
    let log = try PreparedStatement(db, sql: """
      SELECT entity, entityId, MAX(id) FROM changeLog GROUP BY entity, entityId ORDER BY entity, entityId
      """)
    let values = try PreparedStatement(db, sql: "SELECT after FROM changeLog WHERE id = ?")
    var walk = LogWalk(log: log)
    try walk.advance()
    var found: [LogDivergence] = []
    try compare(DisclosureRecord.self, db, &walk, values: values, limit: limit, into: &found)
    try compare(MilestoneRecord.self, db, &walk, values: values, limit: limit, into: &found)
    try compare(ProjectRecord.self, db, &walk, values: values, limit: limit, into: &found)
    try compare(RegisterRecord.self, db, &walk, values: values, limit: limit, into: &found)
    return found
  }

  /// A row's last change, copied out of the query's row.
  private struct LastChange {
    let entity: String
    let id: Int64
    /// The change-log row of the last change.
    let change: Int64
  }

  /// The grouped log and the change it has come to.
  private struct LogWalk {
    let log: PreparedStatement
    var pending: LastChange?

    /// The next logged id of `entity`, skipping what sorts before it (an entity the log should not hold). Compared
    /// byte by byte, as SQLite ordered them: Swift's own order normalises text, and an entity written outside
    /// gongkai in another form would put the walk out of step with the query.
    mutating func next(of entity: String) throws -> LastChange? {
      while let change = pending, change.entity.utf8.lexicographicallyPrecedes(entity.utf8) { try advance() }
      return pending.flatMap { $0.entity.utf8.elementsEqual(entity.utf8) ? $0 : nil }
    }

    mutating func advance() throws {
      pending = try log.next().map { row in
        LastChange(entity: row.text(at: 0) ?? "", id: row.int64(at: 1), change: row.int64(at: 2))
      }
    }
  }

  /// Reads the table in id order through SQLite's C API, in step with the log: GRDB's rows and the strings made
  /// of each logged value cost more than SQLite's reading them.
  private static func compare<Record: LoggedRecord & PositionallyDecoded>(
    _ type: Record.Type, _ db: Database, _ walk: inout LogWalk, values: PreparedStatement, limit: Int,
    into found: inout [LogDivergence]
  ) throws {
    let rows = try PreparedStatement(db, sql: "SELECT * FROM \(Record.databaseTableName) ORDER BY id")
    let positions = try ColumnPositions(Record.columns, of: Record.databaseTableName, among: rows.columnNames)
    func nextRecord() throws -> Record? { try rows.next().map { try Record(positions.reading($0)) } }
    var record = try nextRecord()
    while found.count < limit {
      let logged = try walk.next(of: Record.entity)
      if let row = record, let rowID = row.id, logged.map({ rowID <= $0.id }) ?? true {
        if let last = logged, last.id == rowID {
          values.bind(last.change)
          if try !(values.first { row.isRecorded(as: $0.bytes(at: 0)) } ?? false) {
            found.append(LogDivergence(entity: Record.entity, id: rowID, kind: .altered))
          }
          try walk.advance()
        } else {
          found.append(LogDivergence(entity: Record.entity, id: rowID, kind: .unlogged))
        }
        record = try nextRecord()
      } else if let last = logged {
        found.append(LogDivergence(entity: Record.entity, id: last.id, kind: .deleted))
        try walk.advance()
      } else {
        return
      }
    }
  }

  /// Columns the schema added after their rows were logged, filled in by a migration and so absent from the
  /// log of those rows (`v3-notice-serial`).
  private static let addedByMigrations: Set<String> = ["serial", "serialYear"]

  /// Whether the logged values and the stored ones agree when the text differs: a log written by an earlier
  /// version may lay the JSON out otherwise, or lack a column added since.
  static func sameValues(logged: String, stored: String) -> Bool {
    guard let logged = try? JSONSerialization.jsonObject(with: Data(logged.utf8)) as? [String: Any],
      var stored = try? JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any]
    else { return false }
    for key in addedByMigrations where logged[key] == nil { stored[key] = nil }
    return NSDictionary(dictionary: logged).isEqual(to: stored)
  }
}

/// A row of the register that does not hold what the change log says it should: it was edited, inserted or
/// deleted with another tool.
public struct LogDivergence: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// The row's values differ from its last logged values.
    case altered
    /// The row has no change-log entry.
    case unlogged
    /// The change log has the row; the register does not.
    case deleted
  }

  /// `project`, `milestone`, `disclosure` or `register`, as the change log names it.
  public let entity: String
  public let id: Int64
  public let kind: Kind

  public var description: String {
    switch kind {
    case .altered: "\(entity) \(id) differs from its last change-log entry: edited outside gongkai"
    case .unlogged: "\(entity) \(id) has no change-log entry: inserted outside gongkai"
    case .deleted: "\(entity) \(id) is in the change log but not in the register: deleted outside gongkai"
    }
  }
}
