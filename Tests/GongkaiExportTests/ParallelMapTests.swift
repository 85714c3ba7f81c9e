import Testing

@testable import GongkaiExport

/// The notice export renders a batch of pages at once: each page must come back in its project's place, and a page that
/// fails must fail the export with its own error.
@Suite struct ParallelMapTests {
  enum Failure: Error, Equatable { case item(Int) }

  @Test func resultsComeBackInTheItemsOrderWhateverTheyCost() throws {
    // Uneven work, so that the threads finish items out of order.
    let items = Array(0..<500)
    let results = ParallelMap.map(items) { item in
      let spin = (0..<((item % 7) * 2_000)).reduce(0) { $0 &+ $1 }
      return spin >= 0 ? item : -item
    }
    #expect(try results.map { try $0.get() } == items)
  }

  @Test func aFailingItemHoldsItsErrorAndTheOthersTheirResults() {
    let results = ParallelMap.map(Array(0..<64)) { item in
      if item == 37 { throw Failure.item(item) }
      return item * 2
    }
    #expect(results.count == 64)
    for (index, result) in results.enumerated() {
      switch result {
      case .success(let value): #expect(index != 37 && value == index * 2)
      case .failure(let error): #expect(index == 37 && error as? Failure == .item(37))
      }
    }
  }

  @Test func anEmptyBatchMapsToNothing() {
    #expect(ParallelMap.map([Int]()) { $0 }.isEmpty)
  }
}
