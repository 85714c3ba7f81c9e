import Testing

@testable import GongkaiExport

/// The hand-off between an export's read and its writing thread: what reaches the file, and which error a user sees.
@Suite struct WriteBehindTests {
  /// Keeps what it is handed; fails at `failAt` if set.
  struct Collecting: RowSink {
    var written: [Int] = []
    var failAt: Int?

    mutating func write(_ element: Int) throws {
      if element == failAt { throw Failure.sink }
      written.append(element)
    }
  }

  enum Failure: Error { case sink, read }

  @Test(arguments: [1, 7, 256])
  func everyRowArrivesOnceInOrder(batchSize: Int) async throws {
    let rows = Array(0..<10_000)
    let sink = try await WriteBehind.run(Collecting(), batchSize: batchSize, depth: 2) { send in
      for row in rows { try send(row) }
    }
    #expect(sink.written == rows)
  }

  @Test func aSinkThatFailsStopsTheReadWithItsError() async {
    // A full disk on the writing thread must reach the user as itself, and the store must stop reading soon after,
    // not go on through a million rows nobody writes.
    var sent = 0
    await #expect(throws: Failure.sink) {
      _ = try await WriteBehind.run(Collecting(failAt: 100), batchSize: 10, depth: 2) { send in
        for row in 0..<1_000_000 {
          try send(row)
          sent += 1
        }
      }
    }
    #expect(sent < 1_000)
  }

  @Test func aReadThatFailsIsTheErrorThrown() async {
    await #expect(throws: Failure.read) {
      _ = try await WriteBehind.run(Collecting(), batchSize: 10, depth: 2) { send in
        for row in 0..<95 { try send(row) }
        throw Failure.read
      }
    }
  }

  @Test func nothingSentIsNothingWritten() async throws {
    let sink = try await WriteBehind.run(Collecting()) { _ in }
    #expect(sink.written.isEmpty)
  }
}
