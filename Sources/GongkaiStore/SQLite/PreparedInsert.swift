import GRDB
import GRDBSQLite

/// An INSERT prepared once per transaction and bound through SQLite's C API. A bulk import writes four rows per
/// milestone; GRDB's general-purpose arguments (an array of existentials per row, a dynamic cast per value)
/// cost more than SQLite's own work on the row.
final class PreparedInsert {
  private let statement: Statement
  private let db: Database
  private var handle: SQLiteStatement { statement.sqliteStatement }
  private var position: Int32 = 0

  init(_ db: Database, sql: String) throws {
    self.db = db
    statement = try db.makeStatement(sql: sql)
  }

  func bind(_ value: String?) {
    guard var value else { return bindNull() }
    value.withUTF8(bindText)
  }

  /// Binds UTF-8 bytes as text (a change-log value written as JSON).
  func bind(_ value: [UInt8]?) {
    guard let value else { return bindNull() }
    value.withUnsafeBufferPointer(bindText)
  }

  private func bindNull() {
    position += 1
    sqlite3_bind_null(handle, position)
  }

  private func bindText(_ bytes: UnsafeBufferPointer<UInt8>) {
    position += 1
    bytes.withMemoryRebound(to: CChar.self) { text in
      // An empty string may have no storage, and a nil pointer would mean NULL to SQLite.
      guard let start = text.baseAddress else {
        _ = sqlite3_bind_text(handle, position, "", 0, Self.transient)
        return
      }
      _ = sqlite3_bind_text64(handle, position, start, sqlite3_uint64(text.count), Self.transient, UInt8(SQLITE_UTF8))
    }
  }

  func bind(_ value: Int64?) {
    position += 1
    guard let value else {
      sqlite3_bind_null(handle, position)
      return
    }
    sqlite3_bind_int64(handle, position, value)
  }

  func bind(_ value: Int?) { bind(value.map(Int64.init)) }

  /// Runs the statement with the values bound since the last run; returns the new row's id.
  @discardableResult
  func run() throws -> Int64 {
    // A value left unbound would silently repeat the previous row's: every parameter is bound for every row.
    precondition(position == sqlite3_bind_parameter_count(handle), "\(statement.sql) bound \(position) values")
    defer {
      sqlite3_reset(handle)
      sqlite3_clear_bindings(handle)
      position = 0
    }
    let code = sqlite3_step(handle)
    guard code == SQLITE_DONE else {
      throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                          sql: statement.sql)
    }
    return sqlite3_last_insert_rowid(db.sqliteConnection)
  }

  /// SQLite copies the bytes it is given (`SQLITE_TRANSIENT`): Swift's storage is only borrowed for the call.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
