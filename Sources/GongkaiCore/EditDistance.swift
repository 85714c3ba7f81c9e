/// How many single-byte edits (of UTF-8) turn one text into another: what makes a mistyped name (`biding.candidates`,
/// `chek`) recognisable as the one meant.
public enum EditDistance {
  /// The number of single-byte edits from `a` to `b` when it is at most `limit`, else nil.
  public static func between(_ a: String, _ b: String, atMost limit: Int) -> Int? {
    let a = Array(a.utf8), b = Array(b.utf8)
    guard abs(a.count - b.count) <= limit else { return nil }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for (j, y) in b.enumerated() {
        current[j + 1] = min(previous[j] + (x == y ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
      }
      previous = current
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
  }
}
