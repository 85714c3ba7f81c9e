import Foundation

/// Items produced on threads of their own, handed out in order, at most `window` ahead of the reader.
///
/// An import of project files spends more than half its time parsing YAML and the rest writing to SQLite, one
/// file after the other on one core. Reading ahead lets the parsing of the next files run on the other cores while
/// the import writes the current one, and the window keeps memory flat however many files there are.
///
/// Items stop being produced when the reader lets go of its `ReadAhead` (an import that failed halfway), after the
/// items being produced at that moment.
public final class ReadAhead<Element: Sendable> {
  private let buffer: Buffer
  private let workers: Int
  private var produce: (@Sendable (Int) -> Element)?
  private var taken = 0

  /// - Parameters:
  ///   - count: how many items there are; `produce` is called once with each of 0, 1, ... `count - 1`, from
  ///     `workers` threads at once, and the items come out of ``next()`` in that order.
  ///   - window: how many items may be produced or in production ahead of the reader.
  ///   - workers: how many threads produce items, at most the window; by default one a processor core. The reader
  ///     shares the cores with them: on two cores, importing 10,000 project files took 3.2 s with two workers and
  ///     3.7 s with one.
  public init(count: Int, window: Int = 32, workers: Int? = nil, produce: @escaping @Sendable (Int) -> Element) {
    precondition(count >= 0 && window > 0, "a read-ahead has a count and a window of at least one item")
    self.buffer = Buffer(count: count, window: window)
    self.workers = min(max(workers ?? ProcessInfo.processInfo.activeProcessorCount, 1), window)
    self.produce = produce
  }

  deinit { buffer.cancel() }

  /// The next item, waiting for it to be produced; `nil` after the last. The threads start at the first call.
  public func next() -> Element? {
    guard taken < buffer.count else { return nil }
    if let produce {
      let buffer = buffer
      for _ in 0..<min(workers, buffer.count) {
        let thread = Thread {
          while let index = buffer.claim() { buffer.put(produce(index), at: index) }
        }
        thread.name = "gongkai read-ahead"
        // The main thread's stack, not a secondary thread's default (512 KB on macOS): parsing recurses with the
        // nesting of the file, up to the depth YAMLValue allows.
        thread.stackSize = 8 << 20
        thread.start()
      }
      self.produce = nil
    }
    taken += 1
    return buffer.take()
  }

  /// The items produced and not yet taken, in a ring of `window` slots (item `i` in slot `i % window`), guarded by
  /// one condition: the producers wait on it for room, the reader for the next item.
  private final class Buffer: @unchecked Sendable {
    let count: Int
    private let condition = NSCondition()
    private var items: [Element?]
    private var claimed = 0
    private var taken = 0
    private var cancelled = false

    init(count: Int, window: Int) {
      self.count = count
      items = Array(repeating: nil, count: window)
    }

    /// The next item to produce, once the window has room for it; nil when every item is claimed or the reader
    /// has gone.
    func claim() -> Int? {
      condition.lock()
      defer { condition.unlock() }
      while claimed < count && claimed - taken == items.count && !cancelled { condition.wait() }
      guard claimed < count && !cancelled else { return nil }
      defer { claimed += 1 }
      return claimed
    }

    func put(_ item: Element, at index: Int) {
      condition.lock()
      defer { condition.unlock() }
      items[index % items.count] = item
      condition.broadcast()
    }

    func take() -> Element {
      condition.lock()
      defer { condition.unlock() }
      let slot = taken % items.count
      while items[slot] == nil { condition.wait() }
      guard let item = items[slot] else { preconditionFailure("the reader waits for the item") }
      items[slot] = nil
      taken += 1
      condition.broadcast()
      return item
    }

    func cancel() {
      condition.lock()
      defer { condition.unlock() }
      cancelled = true
      condition.broadcast()
    }
  }
}
