import Foundation
import GRDB

/// An export's check of the register against its change log, beside the export.
///
/// Every export states the change-log head it was written from, and first checks that the register holds what the
/// log records: the check reads the whole log and the whole register, and took as long as the export itself. It now
/// runs on a connection of its own while the export reads, both from the same state: a third connection holds
/// SQLite's write lock while the two take their snapshots, so that nothing can commit in between. The export awaits
/// the check before it puts its output in place. When another command is writing at that moment (an import), the
/// export does not wait for it: it makes the check in its own snapshot when it awaits it, so that what it reports
/// first is the same either way (a failure of its own before the check's).
extension SQLiteStore {
  public func readingOneState<T>(verifying: Bool, _ body: (StatedHead) async throws -> T) async throws -> T {
    guard verifying else { return try await readingOneState { try await body(StatedHead(hash: try changeLogHead())) } }
    guard path != ":memory:", let writers = try? WritersHeldOff(path: path, configuration: writer.configuration) else {
      return try await readingOneState {
        let head = try changeLogHead()
        return try await body(StatedHead(hash: head, alongside: false) { try checkPasses(stating: head) })
      }
    }
    return try await readingOneState {
      let head = try changeLogHead()
      let check = try await writers.releasing { try await CheckAlongside.start(path: path, configuration: writer.configuration) }
      do {
        let result = try await body(StatedHead(hash: head, alongside: true) { try await check.passed(stating: head) })
        try await check.passed(stating: head)
        return result
      } catch {
        await check.stop()
        throw error
      }
    }
  }

  /// The check in the export's own snapshot, `head` being what it read.
  private func checkPasses(stating head: String) throws {
    guard try verifiedChangeLogHead() == head else {
      throw UnexpectedTransactionState("the check of an export read another state than the export")
    }
  }

  /// The head once the chain is intact and every row holds what its last change-log row records; else
  /// ``StoreError/differsFromChangeLog(_:_:)``.
  static func verifiedHead(_ db: Database, path: String) throws -> String {
    let check = try ChangeLogCheck(db, path: path, publishedHead: nil, divergenceLimit: 1)
    if let broken = check.chain.broken { throw StoreError.differsFromChangeLog(path, broken.description) }
    if let divergence = try check.divergences().first { throw StoreError.differsFromChangeLog(path, divergence.description) }
    return check.chain.head
  }
}

/// SQLite's write lock, held by a connection of its own: no command can commit while it is held, so reads that
/// take their snapshots meanwhile see one state. Taken without waiting: `init` throws when another command holds it.
private final class WritersHeldOff {
  private let connection: DatabaseQueue
  private var held = true

  init(path: String, configuration: Configuration) throws {
    var configuration = configuration
    configuration.busyMode = .immediateError
    connection = try DatabaseQueue(path: path, configuration: configuration)
    try connection.writeWithoutTransaction { try $0.beginTransaction(.immediate) }
  }

  /// Runs `body`, then lets writers go, whatever becomes of it.
  func releasing<T>(_ body: () async throws -> T) async throws -> T {
    defer { release() }
    return try await body()
  }

  private func release() {
    guard held else { return }
    held = false
    connection.writeWithoutTransaction { try? $0.rollback() }
  }

  deinit { release() }
}

/// The check of the register against its change log, on a connection of its own, in a snapshot it takes before
/// ``start(path:configuration:)`` returns.
private struct CheckAlongside {
  private let task: Task<String, Error>

  static func start(path: String, configuration: Configuration) async throws -> CheckAlongside {
    let connection = try SQLiteStore.translating(path) { try DatabaseQueue(path: path, configuration: configuration) }
    let (snapshot, taken) = AsyncStream<Void>.makeStream()
    let task = Task {
      try await connection.writeWithoutTransaction { db in
        defer { taken.finish() }
        return try SQLiteStore.translating(path) {
          try db.beginTransaction(.deferred)
          defer { try? db.rollback() }
          _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
          taken.yield()
          return try SQLiteStore.verifiedHead(db, path: path)
        }
      }
    }
    var taking = snapshot.makeAsyncIterator()
    // Finished without a snapshot: the check failed before it began, and says why.
    if await taking.next() == nil { _ = try await task.value }
    return CheckAlongside(task: task)
  }

  /// Returns once the check has passed on the state whose head is `head`.
  func passed(stating head: String) async throws {
    guard try await task.value == head else {
      throw UnexpectedTransactionState("the check beside an export read another state than the export")
    }
  }

  /// Stops the check (SQLite interrupts its statement) and waits for it to end.
  func stop() async {
    task.cancel()
    _ = try? await task.value
  }
}
