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
/// Each table is read once, joined with the id of each row's last change, which SQLite groups in a temporary
/// index: memory does not grow with the register.
enum LoggedState {
  /// The first `limit` rows that do not match the change log, projects first, then milestones, then disclosures.
  static func divergences(_ db: Database, limit: Int) throws -> [LogDivergence] {
    var found: [LogDivergence] = []
    try compare(ProjectRecord.self, db, limit: limit, into: &found)
    try compare(MilestoneRecord.self, db, limit: limit, into: &found)
    try compare(DisclosureRecord.self, db, limit: limit, into: &found)
    return found
  }

  private static func compare<Record: LoggedRecord & FetchableRecord>(
    _ type: Record.Type, _ db: Database, limit: Int, into found: inout [LogDivergence]
  ) throws {
    let table = Record.databaseTableName
    let rows = try Row.fetchCursor(db, sql: """
      SELECT t.*, c.after AS loggedAfter FROM \(table) t
      LEFT JOIN (SELECT entityId, MAX(id) AS last FROM changeLog WHERE entity = ? GROUP BY entityId) l ON l.entityId = t.id
      LEFT JOIN changeLog c ON c.id = l.last
      ORDER BY t.id
      """, arguments: [Record.entity])
    while found.count < limit, let row = try rows.next() {
      let record = try Record(row: row)
      let id = record.id ?? 0
      guard let logged: String = row["loggedAfter"] else {
        found.append(LogDivergence(entity: Record.entity, id: id, kind: .unlogged))
        continue
      }
      if logged != record.changeJSON && !sameValues(logged: logged, stored: record.changeJSON) {
        found.append(LogDivergence(entity: Record.entity, id: id, kind: .altered))
      }
    }
    guard found.count < limit else { return }
    let deleted = try Int64.fetchAll(db, sql: """
      SELECT DISTINCT entityId FROM changeLog WHERE entity = ? AND entityId NOT IN (SELECT id FROM \(table))
      ORDER BY entityId LIMIT ?
      """, arguments: [Record.entity, limit - found.count])
    found += deleted.map { LogDivergence(entity: Record.entity, id: $0, kind: .deleted) }
  }

  /// Columns the schema added after their rows were logged, filled in by a migration and so absent from the
  /// log of those rows (`v3-notice-serial`).
  private static let addedByMigrations: Set<String> = ["serial", "serialYear"]

  /// Whether the logged values and the stored ones agree when the text differs: a log written by an earlier
  /// version may lay the JSON out otherwise, or lack a column added since.
  private static func sameValues(logged: String, stored: String) -> Bool {
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

  /// `project`, `milestone` or `disclosure`, as the change log names it.
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
