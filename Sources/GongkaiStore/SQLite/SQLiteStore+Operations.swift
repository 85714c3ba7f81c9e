import Foundation
import GRDB

/// Tamper evidence, backups and the integrity check.
extension SQLiteStore {
  public func verifyChangeLog() throws -> ChainVerification {
    try read(ChangeChain.verify)
  }

  public func changeLogHead() throws -> String {
    try read { db in try String.fetchOne(db, sql: "SELECT hash FROM changeLog ORDER BY id DESC LIMIT 1") ?? "" }
  }

  public func backup(to path: String) throws {
    let target = URL(fileURLWithPath: path)
    let folder = target.deletingLastPathComponent()
    guard FileManager.default.fileExists(atPath: folder.path) else { throw StoreError.cannotCreate(path, "folder \(folder.path) does not exist") }
    if FileManager.default.fileExists(atPath: path) {
      let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
      guard type == .typeRegular else { throw StoreError.cannotCreate(path, "it exists and is not a regular file") }
    }
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
    do {
      try Self.translating(path) {
        let copy = try DatabaseQueue(path: temporary)
        try writer.backup(to: copy)
        try copy.close()
      }
      guard rename(temporary, path) == 0 else { throw StoreError.cannotCreate(path, String(cString: strerror(errno))) }
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw error
    }
  }

  public func integrityProblems() throws -> [String] {
    try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" } }
  }

  /// `PRAGMA foreign_key_check` names the row, its table and the parent's table; the value naming the missing
  /// parent is read from the row.
  public func forEachOrphan(_ body: (Orphan) throws -> Void) throws {
    try read { db in
      let violations = try db.foreignKeyViolations()
      while let violation = try violations.next() {
        let table = violation.originTable
        let columns = try db.foreignKeys(on: table).first { $0.id == violation.foreignKeyId }?.originColumns ?? []
        let row = try violation.originRowID.flatMap { rowID in
          try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")) FROM \(table.quotedDatabaseIdentifier)
            WHERE rowid = ?
            """), arguments: [rowID])
        }
        try body(Orphan(
          table: table, rowID: violation.originRowID, column: columns.joined(separator: ", "),
          parent: violation.destinationTable, key: row.map { $0.databaseValues.map(\.description).joined(separator: ", ") }))
      }
    }
  }
}
