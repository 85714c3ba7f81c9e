import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// A signal's request that the write in progress stop and undo itself before the process ends.
///
/// Ended by a signal mid-transaction, a write leaves its undoing to SQLite the next time the register is opened. In
/// WAL mode that is harmless: the register file never held the uncommitted pages. An exclusive import writes through
/// a rollback journal, though, and has written pages into the register file itself by then: the file alone is
/// damaged until the journal beside it is played back, and a copy of it made meanwhile (a `cp` backup) is damaged
/// for good. So the command is stopped first: its next statement fails, its transaction rolls back, and only then
/// does the process end.
public enum WriteInterruption {
  /// How the command's write ended after ``stop(waitingUpTo:)`` asked it to.
  public enum Outcome: Sendable, Equatable {
    /// No write had changed anything, or the one in progress rolled back: the register is as it was before the
    /// command, or as its last committed write left it.
    case undone
    /// The command's last write had committed, changing the register, and none was in progress.
    case committed
    /// A write through a rollback journal had not rolled back in the time given: SQLite plays its journal back the
    /// next time the register is opened.
    case stillRunning
  }

  private struct State {
    var isRunning = false
    /// The journal of a write through a rollback journal, which exists once the write has changed a page.
    var journal: String?
    /// Whether the last write to end committed a change.
    var lastCommittedChange = false
  }

  private static let state = Mutex(State())
  /// Set once, by ``stop(waitingUpTo:)``; read before every statement an import runs through the C API, and by the
  /// progress handler of the write in progress.
  static let isRequested = Atomic(false)
  /// Whether the write in progress, in WAL mode, is about to write or has written a row: before its first it holds
  /// nothing to undo (it may be waiting for another process's lock), and the process need not wait for it.
  private static let hasWritten = Atomic(false)

  /// Asks the write in progress to stop and roll back, refuses every write after, and waits for the write to end: up
  /// to `timeout` for one through a rollback journal that has written, a moment for one that has not yet (to put the
  /// register back in WAL mode) and for one in WAL mode, which leaves nothing in the register file whenever it ends,
  /// and not at all for one in WAL mode that has written nothing yet. Safe from any thread.
  public static func stop(waitingUpTo timeout: Duration) -> Outcome {
    isRequested.store(true, ordering: .sequentiallyConsistent)
    let (running, journal, committed) = state.withLock { ($0.isRunning, $0.journal, $0.lastCommittedChange) }
    guard running else { return committed ? .committed : .undone }
    // Before its first change a write in WAL mode holds nothing to undo. One through a rollback journal has taken the
    // register out of WAL mode: it is waited for a moment to put it back, and for as long as it takes to play its
    // journal back once it has one. One whose journal is gone after it wrote is committing: it is waited for a
    // moment, to say how it ended.
    let inRollbackJournal = journal.map { access($0, F_OK) == 0 } ?? false
    guard journal != nil || hasWritten.load(ordering: .sequentiallyConsistent) else { return .undone }
    let deadline = ContinuousClock.now + (inRollbackJournal ? timeout : min(timeout, .seconds(2)))
    while ContinuousClock.now < deadline {
      let ended = state.withLock { $0.isRunning ? nil : $0.lastCommittedChange }
      if let committed = ended { return committed ? .committed : .undone }
      usleep(10_000)
    }
    return inRollbackJournal ? .stillRunning : .undone
  }

  /// Runs a transaction of `db` that `transaction` wraps around `body`, through the rollback journal `journal`
  /// or in WAL mode (`nil`), so that ``stop(waitingUpTo:)`` can break it off: a progress handler fails its statements once a stop is asked, for `body` alone, so that the
  /// rollback and the return to WAL mode after it run. Throws SQLITE_INTERRUPT at once when a stop was asked before
  /// it began.
  static func run<T>(
    _ db: Database, journal: String?,
    _ transaction: ((Database) throws -> T) throws -> T, _ body: (Database) throws -> T
  ) throws -> T {
    try begin(journal: journal)
    let changes = db.totalChangesCount
    var committed = false
    defer { end(changed: committed && db.totalChangesCount != changes) }
    let result = try withoutActuallyEscaping(body) { body in
      try transaction { db in
        sqlite3_progress_handler(db.sqliteConnection, 1000, stopsWhenAsked, nil)
        defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
        return try body(db)
      }
    }
    committed = true
    return result
  }

  /// Runs `work`, which writes through `writer` in calls of its own, each its own transaction (GRDB's migrations),
  /// so that ``stop(waitingUpTo:)`` can break it off as it does a transaction of ``run(_:journal:_:_:)``: the
  /// transaction in progress rolls back, and those committed before it stay.
  static func run<T>(writingThrough writer: any DatabaseWriter, _ work: () throws -> T) throws -> T {
    let (journal, changes) = try writer.writeWithoutTransaction { db in
      let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
      let file = String(cString: sqlite3_db_filename(db.sqliteConnection, "main"))
      return (["wal", "memory", "off"].contains(mode) || file.isEmpty ? nil : file + "-journal", db.totalChangesCount)
    }
    try begin(journal: journal)
    var committed = false
    writer.writeWithoutTransaction { db in sqlite3_progress_handler(db.sqliteConnection, 1000, stopsWhenAsked, nil) }
    defer {
      let changed = writer.writeWithoutTransaction { db in
        sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil)
        return db.totalChangesCount != changes
      }
      end(changed: committed && changed)
    }
    let result = try work()
    committed = true
    return result
  }

  /// Marks a write begun, or throws SQLITE_INTERRUPT when a stop was asked before it.
  private static func begin(journal: String?) throws {
    try state.withLock { state in
      guard !isRequested.load(ordering: .sequentiallyConsistent) else { throw interrupted }
      state.isRunning = true
      state.journal = journal
    }
    hasWritten.store(false, ordering: .sequentiallyConsistent)
  }

  /// Marks the write ended, and whether it committed a change.
  private static func end(changed: Bool) {
    state.withLock { $0 = State(isRunning: false, journal: nil, lastCommittedChange: changed) }
  }

  /// The progress handler: a statement running when a stop is asked fails within a thousand of SQLite's steps.
  private static let stopsWhenAsked: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { _ in
    WriteInterruption.isRequested.load(ordering: .relaxed) ? 1 : 0
  }

  /// Records that the write in progress is about to write a row.
  static func noteWriting() {
    if !hasWritten.load(ordering: .relaxed) { hasWritten.store(true, ordering: .relaxed) }
  }

  /// What a statement run after a stop was asked fails with, as SQLite fails one it broke off.
  static var interrupted: DatabaseError { DatabaseError(resultCode: .SQLITE_INTERRUPT, message: "interrupted") }
}
