/// The k-way merge behind the external sorts: which of several sorted runs holds the smallest head, as a binary
/// heap of run indices. The runs themselves stay with the caller, who compares two of them by their heads in the
/// closure each change passes (not kept, so that it may borrow the caller's runs).
struct MergeHeap {
  private var runs: [Int] = []

  /// The run whose head comes first, or `nil` once every run is exhausted.
  var top: Int? { runs.first }

  /// Adds a run that has a head.
  mutating func push(_ run: Int, precedes: (Int, Int) -> Bool) {
    runs.append(run)
    var child = runs.count - 1
    while child > 0, precedes(runs[child], runs[(child - 1) / 2]) {
      runs.swapAt(child, (child - 1) / 2)
      child = (child - 1) / 2
    }
  }

  /// Restores the order after the top run moved to its next head, or ran out (`exhausted`).
  mutating func topAdvanced(exhausted: Bool, precedes: (Int, Int) -> Bool) {
    if exhausted {
      runs.swapAt(0, runs.count - 1)
      runs.removeLast()
    }
    var parent = 0
    while true {
      let (left, right) = (2 * parent + 1, 2 * parent + 2)
      var first = parent
      if left < runs.count, precedes(runs[left], runs[first]) { first = left }
      if right < runs.count, precedes(runs[right], runs[first]) { first = right }
      guard first != parent else { return }
      runs.swapAt(parent, first)
      parent = first
    }
  }
}
