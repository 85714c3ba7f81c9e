import Synchronization
import Testing
@testable import GongkaiFiles

@Suite struct ReadAheadTests {
  /// How many items the producer has made, as the reader sees it.
  final class Produced: Sendable {
    let count = Mutex(0)
  }

  @Test func everyItemComesOnceInOrderThoughTheWindowIsSmaller() {
    let reader = ReadAhead(count: 1000, window: 3) { $0 * 2 }
    var items: [Int] = []
    while let item = reader.next() { items.append(item) }
    #expect(items == Array(0..<1000).map { $0 * 2 })
    #expect(reader.next() == nil)
  }

  @Test func nothingToReadProducesNothing() {
    let produced = Produced()
    let reader = ReadAhead(count: 0) { index in produced.count.withLock { $0 += 1 }; return index }
    #expect(reader.next() == nil)
    #expect(produced.count.withLock { $0 } == 0)
  }

  /// Memory stays flat: the producer never runs more than the window ahead of the reader (plus the item it is
  /// making), however fast it is.
  @Test func theProducerWaitsForTheReader() {
    let produced = Produced()
    let window = 4
    let reader = ReadAhead(count: 10_000, window: window) { index in
      produced.count.withLock { $0 += 1 }
      return index
    }
    for taken in 1...200 {
      #expect(reader.next() == taken - 1)
      let ahead = produced.count.withLock { $0 } - taken
      #expect(ahead <= window + 1, "item \(taken): \(ahead) produced ahead of the reader")
    }
  }
}
