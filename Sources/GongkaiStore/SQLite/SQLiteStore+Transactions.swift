import Foundation
import GRDB
import GRDBSQLite

/// How the register's reads and writes run: each write one transaction (in WAL mode, or in a rollback journal for an
/// exclusive import), each read one state, and SQLite's errors turned into ``StoreError``s that say what to do.
extension SQLiteStore {
  /// Runs `body`, turning SQLite's errors into ``StoreError``s that say what to do.
  static func translating<T>(_ path: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      switch error.resultCode {
      case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.busy(path)
      case .SQLITE_NOTADB: throw StoreError.notADatabase(path, .notSQLite)
      case .SQLITE_CORRUPT: throw StoreError.damaged(path, error.message ?? "database disk image is malformed")
      case .SQLITE_CANTOPEN, .SQLITE_AUTH, .SQLITE_PERM: throw StoreError.cannotOpen(path, error.message ?? "\(error.resultCode)")
      case .SQLITE_READONLY: throw StoreError.readOnly(path, reason: sideFilesProblem(of: path) ?? closedPlaceProblem(of: path))
      case .SQLITE_FULL, .SQLITE_IOERR: throw StoreError.io(path, error.message ?? "\(error.resultCode)")
      // The migrations made every table, column and index gongkai reads, and it makes no trigger: a table or index
      // missing or there twice, or a trigger that refuses a write, was put there by another program.
      case .SQLITE_ERROR where error.message.map({ $0.hasPrefix("no such ") || $0.hasSuffix(" already exists") }) ?? false:
        throw StoreError.edited("\(path): \(error.message ?? "")")
      // gongkai checks what it writes before SQLite does (a duplicate, a missing parent, two writers racing): a
      // constraint that refuses a write was added by another program, a trigger or an index.
      case .SQLITE_CONSTRAINT where error.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER:
        throw StoreError.edited("\(path): a trigger refused the write (\(error.message ?? ""))")
      case .SQLITE_CONSTRAINT:
        throw StoreError.edited("\(path): a constraint refused the write (\(error.message ?? ""))")
      default: throw StoreError.unexpected(path, "\(error.resultCode): \(error.message ?? "")")
      }
    } catch is RowDecodingError {
      throw StoreError.edited("a stored value has the wrong type")
    }
  }

  /// Puts the database in WAL mode after a write, unless another process is using it right now; then the mode
  /// stays as it is until the next write. SQLite would wait the busy timeout for a reader to finish, and a
  /// command must not wait for a change it can leave to the next one. Nor does it fail for one: what it wrote
  /// stands whatever becomes of the switch. Outside a transaction only (SQLite cannot change the journal in one);
  /// an in-memory database keeps its journal in memory.
  static func enterWAL(_ db: Database) {
    guard let mode = try? String.fetchOne(db, sql: "PRAGMA journal_mode"), !["wal", "memory"].contains(mode),
          let timeout = try? Int.fetchOne(db, sql: "PRAGMA busy_timeout") else { return }
    try? db.execute(sql: "PRAGMA busy_timeout = 0")
    defer { try? db.execute(sql: "PRAGMA busy_timeout = \(timeout)") }
    try? db.execute(sql: "PRAGMA journal_mode = WAL")
  }

  /// Leaves WAL mode for a rollback journal; returns whether the database is now in one (an in-memory database
  /// never is). SQLite can do so only when no other process has the file open, and fails at once otherwise:
  /// this tries again until the busy timeout, as a writer waits for the lock, then throws SQLITE_BUSY.
  static func leaveWAL(_ db: Database) throws -> Bool {
    let timeout = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
    let deadline = ContinuousClock.now + .milliseconds(timeout)
    while true {
      // A signal asked the command to stop: it does not wait for the file any longer.
      guard !WriteInterruption.isRequested.load(ordering: .relaxed) else { throw WriteInterruption.interrupted }
      do {
        return try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete"
      } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline {
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
  }

  /// Runs `body` in one transaction that takes the write lock when it begins, waiting its turn up to the busy
  /// timeout. A deferred transaction that reads first would fail at once in WAL mode when another process
  /// committed in between.
  ///
  /// A `bulk` write (an import) gets 64 MB of page cache: it updates indexes keyed by project code all over
  /// the file, and with SQLite's default 2 MB every row costs a page read and a spill. Everything else keeps
  /// the default: a register-wide read visits each page once, and a large cache would only cost memory and
  /// page faults (the sqlite3 shell read the rows of 10,000 projects in 0.45 s with 8 MB of cache and in
  /// 0.59 s with 64 MB).
  ///
  /// Any other write puts the database in WAL mode once it has committed (see ``transactionThenWAL(_:_:)``). With
  /// ``exclusiveImports``, a bulk write runs in a rollback journal and an EXCLUSIVE transaction, and the database
  /// comes back to WAL mode when it ends (or, if a command waiting for the import has the file open by then, after
  /// the next write).
  ///
  /// A register holding a trigger is refused before anything is written: gongkai makes none, and one added with the
  /// sqlite3 shell could rewrite what gongkai records (a publication's date) behind a change log that stays intact, while
  /// the command reports what it was asked to record.
  func write<T>(bulk: Bool = false, _ unchecked: (Database) throws -> T) throws -> T {
    let path = self.path
    func body(_ db: Database) throws -> T {
      try Self.refuseTriggers(db, path: path)
      return try unchecked(db)
    }
    return try Self.translating(path) {
      try writer.writeWithoutTransaction { db in
        // GRDB's check for a transaction left open is off for ``readingOneState(_:)``; a write meets one here.
        guard !db.isInsideTransaction else { throw UnexpectedTransactionState("a write inside a read of one state") }
        guard bulk else { return try WriteInterruption.run(db, journal: nil, { try Self.transactionThenWAL(db, $0) }, body) }
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size")
        try db.execute(sql: "PRAGMA cache_size = -65536")
        defer { if let cacheSize { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
        // A file this user may only read cannot leave WAL mode (SQLite says so as an I/O error): its import runs as
        // any, which writes nothing when nothing changed and is refused as read-only when something did.
        guard exclusiveImports, sqlite3_db_readonly(db.sqliteConnection, "main") == 0 else {
          return try WriteInterruption.run(db, journal: nil, { try Self.transactionThenWAL(db, $0) }, body)
        }
        let journal = String(cString: sqlite3_db_filename(db.sqliteConnection, "main")) + "-journal"
        return try WriteInterruption.run(db, journal: journal, { try Self.inRollbackJournal(db, $0) }, body)
      }
    }
  }

  /// Throws ``StoreError/foreignTrigger(_:_:)`` when the register holds a trigger: gongkai makes none.
  static func refuseTriggers(_ db: Database, path: String) throws {
    if let trigger = try firstTrigger(db) { throw StoreError.foreignTrigger(path, trigger) }
  }

  /// The first trigger of the register by name, if it holds any: one was added outside gongkai.
  static func firstTrigger(_ db: Database) throws -> String? {
    try String.fetchOne(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name LIMIT 1")
  }

  /// Runs `body` in an IMMEDIATE transaction, then puts the database in WAL mode if it was not and `body` wrote
  /// something. A file in a rollback journal (a backup) is written through it: a write that fails, or that finds
  /// nothing to change (a withdrawal done before), leaves that file byte for byte as it was, where switching first
  /// would have changed its header whatever became of the write.
  private static func transactionThenWAL<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
    let changes = db.totalChangesCount
    let result = try transaction(db, .immediate, body)
    if db.totalChangesCount != changes { enterWAL(db) }
    return result
  }

  /// Runs `body` in an EXCLUSIVE transaction in a rollback journal, and puts the database back in WAL mode when
  /// it ends.
  ///
  /// Between the switch of journal and the transaction's lock, a command that only reads leaves the journal as
  /// it is (the transaction waits for it to end, up to the busy timeout), but one that writes puts the file back
  /// in WAL mode once its write has committed, as every write to a register in a rollback journal does: the
  /// transaction sees it and starts over, waiting as before for that command to close the file (up to the busy
  /// timeout, then busy). Should the file be switched back three times by writers that have already ended, it
  /// runs in WAL mode, which is only slower.
  static func inRollbackJournal<T>(
    _ db: Database, leavingWAL leave: (Database) throws -> Bool = leaveWAL, _ body: (Database) throws -> T
  ) throws -> T {
    for _ in 1...3 {
      guard try leave(db) else { break }
      defer { enterWAL(db) }
      do {
        return try transaction(db, .exclusive) { db in
          guard try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete" else { throw BackInWAL() }
          return try body(db)
        }
      } catch is BackInWAL {}
    }
    return try transaction(db, .exclusive, body)
  }

  /// Thrown inside an exclusive import's transaction to start it over in a rollback journal.
  private struct BackInWAL: Error {}

  private static func transaction<T>(
    _ db: Database, _ kind: Database.TransactionKind, _ body: (Database) throws -> T
  ) throws -> T {
    var result: T?
    try db.inTransaction(kind) {
      result = try body(db)
      return .commit
    }
    return result!
  }

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    try Self.translating(path) { try writer.read(body) }
  }

  /// One read transaction held open around `body`: each ``read(_:)`` in it runs inside that transaction (GRDB
  /// opens none of its own there), so all of them see the snapshot its first statement took. In WAL mode writers
  /// go on beside it; in a rollback journal (a backup not yet written to, or a register an exclusive import could
  /// not put back in WAL mode) other commands' writes wait for it up to their busy timeout, then fail busy, for as
  /// long as `body` runs. A write in `body`, or a snapshot SQLite dropped under it (a read failing with an error
  /// that rolls the transaction back, caught in `body`), is a mistake of gongkai's and throws
  /// ``UnexpectedTransactionState``.
  public func readingOneState<T>(_ body: () async throws -> T) async throws -> T {
    try Self.translating(path) {
      try writer.writeWithoutTransaction { db in
        guard !db.isInsideTransaction else { throw UnexpectedTransactionState("a read of one state inside another") }
        try db.beginTransaction(.deferred)
        do {
          _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
        } catch {
          try? db.rollback()
          throw error
        }
      }
    }
    defer { writer.writeWithoutTransaction { db in try? db.rollback() } }
    let result = try await body()
    guard isInsideTransaction() else { throw UnexpectedTransactionState("the read of one state lost its snapshot") }
    return result
  }

  private func isInsideTransaction() -> Bool { writer.writeWithoutTransaction { $0.isInsideTransaction } }
}
