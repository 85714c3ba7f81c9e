import Foundation

/// What consumes a stream of rows on ``WriteBehind``'s thread: judges each, turns it into bytes and writes them.
public protocol RowSink: SendableMetatype {
  associatedtype Element: Sendable
  mutating func write(_ element: Element) throws
}

/// Writes an export on a thread of its own while the store reads the next rows: reading (SQLite, the records) and
/// judging, formatting and writing each take about half of an export's processor time, and a machine of two cores
/// does both at once. Rows cross in batches, so that the locking is not paid row by row, and at most a few batches
/// wait: memory stays flat whatever the register's size. The sink sees the rows in the order they were sent.
///
/// ```swift
/// let written = try await WriteBehind.run(rowSink) { send in
///   try await store.forEachMilestone(matching: filter) { try send($0) }
/// }
/// ```
public enum WriteBehind {
  /// Runs `sink` on a thread of its own over every row `produce` sends, and hands it back once it has written the
  /// last. A sink that throws stops the read at the next batch sent, and its error is the one thrown; a read that
  /// throws stops the sink, and the read's error is thrown. Either way the thread has ended when this returns.
  public static func run<Sink: RowSink>(
    _ sink: sending Sink, batchSize: Int = 256, depth: Int = 8,
    produce: (_ send: (Sink.Element) throws -> Void) async throws -> Void
  ) async throws -> Sink {
    let handOff = HandOff<Sink.Element>(depth: depth)
    let owned = ThreadOwned(sink)
    let thread = Thread {
      do {
        while let batch = handOff.take() {
          for row in batch { try owned.write(row) }
        }
        handOff.finish(failure: nil)
      } catch {
        handOff.finish(failure: error)
      }
    }
    thread.start()
    var batch: [Sink.Element] = []
    batch.reserveCapacity(batchSize)
    do {
      try await produce { row in
        batch.append(row)
        if batch.count == batchSize {
          try handOff.put(batch)
          batch.removeAll(keepingCapacity: true)
        }
      }
      if !batch.isEmpty { try handOff.put(batch) }
      try handOff.joinAfterClosing()
    } catch {
      // The sink's own failure comes back through `put` or the join, the sink ended; a failure of the read stops it.
      handOff.joinAfterStopping()
      _ = owned.take()
      throw error
    }
    return owned.take()
  }
}

/// The sink, owned by one thread at a time: ``WriteBehind``'s thread while it runs, then (once the thread has ended,
/// which the hand-off's lock orders before) the caller again, who takes it out: the thread's closure, which holds the
/// box, may be released later, and a sink kept alive with it would keep an export's temporary file beside its target.
private final class ThreadOwned<Value>: @unchecked Sendable {
  private var value: Value?
  init(_ value: Value) { self.value = value }

  func write<Row>(_ row: Row) throws where Value: RowSink, Value.Element == Row { try value!.write(row) }

  func take() -> Value {
    defer { value = nil }
    return value!
  }
}

/// A bounded queue of batches from one producer to one consumer, and how the consumer ended.
private final class HandOff<Row: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private let depth: Int
  // Guarded by `condition`.
  private var batches: [[Row]] = []
  private var isClosed = false
  private var isFinished = false
  private var failure: (any Error)?

  init(depth: Int) { self.depth = depth }

  /// Waits while `depth` batches are waiting; throws the consumer's failure instead, once it has failed.
  func put(_ batch: [Row]) throws {
    condition.lock()
    defer { condition.unlock() }
    while batches.count >= depth, !isFinished { condition.wait() }
    if isFinished { throw failure ?? CancellationError() }
    batches.append(batch)
    condition.broadcast()
  }

  /// The next batch, waiting for it; `nil` once the producer has closed and every batch was taken, or stopped.
  func take() -> [Row]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty, !isClosed { condition.wait() }
    guard !batches.isEmpty else { return nil }
    condition.broadcast()
    return batches.removeFirst()
  }

  /// The consumer is done, having written everything or failed.
  func finish(failure: (any Error)?) {
    condition.lock()
    self.failure = failure
    isFinished = true
    batches.removeAll()
    condition.broadcast()
    condition.unlock()
  }

  /// Says no more batches come, waits for the consumer to write those left, and throws its failure, if any.
  func joinAfterClosing() throws {
    try close(dropping: false)
  }

  /// Drops the batches waiting and waits for the consumer to end, whatever it says.
  func joinAfterStopping() {
    try? close(dropping: true)
  }

  private func close(dropping: Bool) throws {
    condition.lock()
    defer { condition.unlock() }
    if dropping { batches.removeAll() }
    isClosed = true
    condition.broadcast()
    while !isFinished { condition.wait() }
    if let failure { throw failure }
  }
}
