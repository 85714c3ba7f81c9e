import Foundation
import Synchronization
import Testing
@testable import GongkaiFiles

@Suite struct ReadAheadTests {
  /// How many items the producer has made, as the reader sees it.
  final class Produced: Sendable {
    let count = Mutex(0)
  }

  /// Several workers finish items out of order (some items take longer); the reader still gets them in order.
  @Test(arguments: [1, 4])
  func everyItemComesOnceInOrderThoughTheWindowIsSmaller(workers: Int) {
    let reader = ReadAhead(count: 1000, window: 5, workers: workers) { index in
      if index % 7 == 0 { usleep(50) }
      return index * 2
    }
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

  /// Memory stays flat: the producers never start an item more than the window ahead of the reader, however fast
  /// they are.
  @Test func theProducersWaitForTheReader() {
    let produced = Produced()
    let window = 4
    let reader = ReadAhead(count: 10_000, window: window, workers: 3) { index in
      produced.count.withLock { $0 += 1 }
      return index
    }
    for taken in 1...200 {
      #expect(reader.next() == taken - 1)
      let ahead = produced.count.withLock { $0 } - taken
      #expect(ahead <= window, "item \(taken): \(ahead) produced ahead of the reader")
    }
  }
}
