import GRDB
import GRDBSQLite

/// An INSERT, or a lookup, prepared once per transaction and bound and read through SQLite's C API. A bulk
/// import writes four rows per milestone and a spreadsheet import looks each row's milestone up first; GRDB's
/// general-purpose arguments and rows (an array of existentials per row, a dynamic cast per value, a row object
/// per result) cost more than SQLite's own work on the row.
final class PreparedStatement {
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
    defer { reset() }
    WriteInterruption.noteWriting()
    let code = step()
    guard code == SQLITE_DONE else { throw error(code) }
    return sqlite3_last_insert_rowid(db.sqliteConnection)
  }

  /// Runs a query with the values bound since the last run and reads its first row, if it has one.
  func first<T>(_ read: (ResultRow) throws -> T) throws -> T? {
    defer { reset() }
    switch step() {
    case SQLITE_ROW: return try read(ResultRow(handle: handle))
    case SQLITE_DONE: return nil
    case let code: throw error(code)
    }
  }

  /// Runs a query with the values bound since the last run and hands its rows to `body`, one at a time, until
  /// `body` returns false.
  func forEach(_ body: (ResultRow) throws -> Bool) throws {
    defer { reset() }
    while let row = try next(), try body(row) {}
  }

  /// Moves a query to its next row, valid until the next call; nil after the last, when the statement is reset
  /// for its next run. For reading two queries in step, which ``forEach(_:)`` cannot.
  func next() throws -> ResultRow? {
    switch step() {
    case SQLITE_ROW: return ResultRow(handle: handle)
    case SQLITE_DONE:
      reset()
      return nil
    case let code:
      let failure = error(code)
      reset()
      throw failure
    }
  }

  /// The names of the columns a query reads, in their order.
  var columnNames: [String] { statement.columnNames }

  /// The row a query stands on; valid only inside ``first(_:)`` or ``forEach(_:)``, or until the next ``next()``.
  struct ResultRow: StoredColumns {
    fileprivate let handle: SQLiteStatement

    func int64(at column: Int) -> Int64 { sqlite3_column_int64(handle, Int32(column)) }

    /// The column's text; nil when it is NULL.
    func text(at column: Int) -> String? {
      bytes(at: column).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The column's whole number; nil when it is NULL. Text (stored outside gongkai) reads as SQLite converts it,
    /// as GRDB and so every export read it: 'abc' as 0, '1x' as 1. The row differs from its log when what it reads as
    /// does.
    func integer(at column: Int) -> Int64? {
      sqlite3_column_type(handle, Int32(column)) == SQLITE_NULL ? nil : int64(at: column)
    }

    /// The column's text as SQLite holds it, valid until the statement moves on; nil when it is NULL.
    func bytes(at column: Int) -> UnsafeBufferPointer<UInt8>? {
      guard let text = sqlite3_column_text(handle, Int32(column)) else { return nil }
      return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, Int32(column))))
    }
  }

  private func step() -> Int32 {
    // A value left unbound would silently repeat the previous row's: every parameter is bound for every row.
    precondition(position == sqlite3_bind_parameter_count(handle), "\(statement.sql) bound \(position) values")
    // A signal asked the write to stop (``WriteInterruption``): it fails here, and its transaction rolls back.
    guard !WriteInterruption.isRequested.load(ordering: .relaxed) else { return SQLITE_INTERRUPT }
    return sqlite3_step(handle)
  }

  private func reset() {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    position = 0
  }

  private func error(_ code: Int32) -> DatabaseError {
    DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                  sql: statement.sql)
  }

  /// SQLite copies the bytes it is given (`SQLITE_TRANSIENT`): Swift's storage is only borrowed for the call.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
