import Dispatch

/// Maps a batch of items on every core at once, the results in the items' order.
///
/// The notice export spends most of its time judging and rendering each project's page, which depends on nothing but
/// its project: a batch of pages is rendered on every core of a small server, and the pages are written in the
/// register's order after.
enum ParallelMap {
  /// `transform` of each item, or what it threw, at the item's index; returns once every item is done.
  static func map<Item: Sendable, Output: Sendable>(
    _ items: [Item], _ transform: @Sendable (Item) throws -> Output
  ) -> [Result<Output, any Error>] {
    let slots = Slots<Output>(items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
      slots.set(Result { try transform(items[index]) }, at: index)
    }
    return slots.results
  }

  /// One slot an item, each written by the one iteration of its item, and read once every iteration has ended.
  private final class Slots<Output: Sendable>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Result<Output, any Error>?>

    init(_ count: Int) {
      buffer = .allocate(capacity: count)
      buffer.initialize(repeating: nil)
    }

    deinit {
      buffer.deinitialize()
      buffer.deallocate()
    }

    func set(_ result: Result<Output, any Error>, at index: Int) { buffer[index] = result }

    var results: [Result<Output, any Error>] { buffer.map { $0! } }
  }
}
