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
  /// How the write in progress, if any, ended after ``stop(waitingUpTo:)`` asked it to.
  public enum Outcome: Sendable, Equatable {
    /// No write was in progress, or it rolled back: the register is as it was before the command.
    case undone
    /// The write had committed before it could stop: the register holds its change.
    case committed
    /// The write had not ended in the time given (a long rollback): SQLite plays its journal back the next time the
    /// register is opened.
    case stillRunning
  }

  private struct State {
    /// The connection of the write in progress, as a bit pattern; 0 when none is.
    var connection = 0
    /// How the last write ended.
    var lastCommitted = false
  }

  private static let state = Mutex(State())
  /// Set once, by ``stop(waitingUpTo:)``; read before every statement an import runs through the C API.
  static let isRequested = Atomic(false)

  /// Asks the write in progress to stop and roll back, refuses every write after, and waits up to `timeout` for the
  /// write to end. Safe from any thread.
  public static func stop(waitingUpTo timeout: Duration) -> Outcome {
    isRequested.store(true, ordering: .sequentiallyConsistent)
    // Breaks off a statement running now (a long read inside the transaction); the statements after it fail on
    // ``isRequested`` or in ``begin(_:)``.
    let running = state.withLock { state in
      if state.connection != 0 { sqlite3_interrupt(OpaquePointer(bitPattern: state.connection)) }
      return state.connection != 0
    }
    guard running else { return .undone }
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      let ended = state.withLock { $0.connection == 0 ? $0.lastCommitted : nil }
      if let committed = ended { return committed ? .committed : .undone }
      usleep(10_000)
    }
    return .stillRunning
  }

  /// Runs `write`, a transaction of `db`, so that ``stop(waitingUpTo:)`` can break it off; throws SQLITE_INTERRUPT at
  /// once when a stop was asked before it began.
  static func run<T>(_ db: Database, _ write: () throws -> T) throws -> T {
    try state.withLock { state in
      guard !isRequested.load(ordering: .sequentiallyConsistent) else { throw interrupted }
      state.connection = Int(bitPattern: db.sqliteConnection)
    }
    var committed = false
    defer { state.withLock { $0 = State(connection: 0, lastCommitted: committed) } }
    let result = try write()
    committed = true
    return result
  }

  /// What a statement run after a stop was asked fails with, as SQLite fails one it broke off.
  static var interrupted: DatabaseError { DatabaseError(resultCode: .SQLITE_INTERRUPT, message: "interrupted") }
}
