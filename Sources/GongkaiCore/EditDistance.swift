/// How many single-byte edits (of UTF-8) turn one text into another: what makes a mistyped name (`biding.candidates`,
/// `chek`, `shwo`) recognisable as the one meant.
public enum EditDistance {
  /// The number of edits from `a` to `b` when it is at most `limit`, else nil. An edit inserts, deletes or replaces a
  /// byte, or swaps two neighbouring ones: the slip of a fast typist (`shwo` for `show`) costs one, not two.
  public static func between(_ a: String, _ b: String, atMost limit: Int) -> Int? {
    between(Array(a.utf8), Array(b.utf8), atMost: limit)
  }

  /// ``between(_:_:atMost:)`` counted in elements: in characters for a Chinese name, where a homophone the input
  /// method offered first replaces three bytes of UTF-8.
  public static func between<Element: Equatable>(_ a: [Element], _ b: [Element], atMost limit: Int) -> Int? {
    guard abs(a.count - b.count) <= limit else { return nil }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for (j, y) in b.enumerated() {
        current[j + 1] = min(previous[j] + (x == y ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
        if i > 0, j > 0, x == b[j - 1], a[i - 1] == y {
          current[j + 1] = min(current[j + 1], beforePrevious[j - 1] + 1)
        }
      }
      (beforePrevious, previous) = (previous, current)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
  }
}
