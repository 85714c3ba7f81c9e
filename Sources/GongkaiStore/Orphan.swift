/// A row whose parent row is missing: a milestone whose project, or a disclosure whose milestone, is gone.
///
/// Gongkai never deletes, and SQLite refuses such a row while foreign keys are on, so only a database edited
/// outside gongkai with them off (`PRAGMA foreign_keys=OFF; DELETE FROM project;` in sqlite3) holds one.
/// `gongkai doctor` lists them; a command that needs the missing parent throws ``error``.
public struct Orphan: Hashable, Sendable, CustomStringConvertible {
  /// The table of the row, and its rowid (none in a `WITHOUT ROWID` table added outside gongkai).
  public let table: String
  public let rowID: Int64?
  /// The column that names the parent, the parent's table, and the value naming the missing row (unknown
  /// without a rowid).
  public let column: String
  public let parent: String
  public let key: String?

  /// `milestone 3 refers to a missing project (projectId = 1)`
  public var description: String {
    "\(rowID.map { "\(table) \($0)" } ?? "a row of \(table)") refers to a missing \(parent) "
      + "(\(key.map { "\(column) = \($0)" } ?? column))"
  }

  /// The error of a command that reached the row and needs its parent.
  var error: StoreError { .edited(description) }
}
