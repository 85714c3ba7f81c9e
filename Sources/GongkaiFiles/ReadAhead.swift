import Foundation

/// Items produced in order on a thread of their own, at most `window` ahead of the reader.
///
/// An import of project files spends more than half its time parsing YAML and the rest writing to SQLite, one
/// file after the other on one core. Reading ahead lets the parsing of the next files run on a second core while
/// the import writes the current one, and the window keeps memory flat however many files there are.
///
/// Items stop being produced when the reader lets go of its `ReadAhead` (an import that failed halfway), after the
/// item being produced at that moment.
public final class ReadAhead<Element: Sendable> {
  private let buffer: Buffer
  private let count: Int
  private var produce: (@Sendable (Int) -> Element)?
  private var taken = 0

  /// - Parameters:
  ///   - count: how many items there are; `produce` is called with 0, 1, ... `count - 1`, in that order.
  ///   - window: how many produced items may wait for the reader.
  public init(count: Int, window: Int = 32, produce: @escaping @Sendable (Int) -> Element) {
    precondition(count >= 0 && window > 0, "a read-ahead has a count and a window of at least one item")
    self.count = count
    self.buffer = Buffer(window: window)
    self.produce = produce
  }

  deinit { buffer.cancel() }

  /// The next item, waiting for it to be produced; `nil` after the last. The thread starts at the first call.
  public func next() -> Element? {
    guard taken < count else { return nil }
    if let produce {
      let (buffer, count) = (buffer, count)
      let thread = Thread {
        for index in 0..<count {
          guard buffer.waitForRoom() else { return }
          buffer.put(produce(index))
        }
      }
      thread.name = "gongkai read-ahead"
      thread.start()
      self.produce = nil
    }
    taken += 1
    return buffer.take()
  }

  /// The items produced and not yet taken, guarded by one condition: the producer waits on it for room, the reader
  /// for an item.
  private final class Buffer: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element?]
    private var produced = 0
    private var taken = 0
    private var cancelled = false

    init(window: Int) { items = Array(repeating: nil, count: window) }

    /// Waits until the window has room; false once the reader has gone.
    func waitForRoom() -> Bool {
      condition.lock()
      defer { condition.unlock() }
      while produced - taken == items.count && !cancelled { condition.wait() }
      return !cancelled
    }

    func put(_ item: Element) {
      condition.lock()
      defer { condition.unlock() }
      items[produced % items.count] = item
      produced += 1
      condition.broadcast()
    }

    func take() -> Element {
      condition.lock()
      defer { condition.unlock() }
      while produced == taken { condition.wait() }
      let slot = taken % items.count
      defer { items[slot] = nil }
      taken += 1
      condition.broadcast()
      guard let item = items[slot] else { preconditionFailure("a produced item is taken once") }
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
