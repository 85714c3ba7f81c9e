extension BidirectionalCollection<String> {
  /// The items as a sentence lists them: `a`, `a and b`, `a, b and c` (`conjunction` " or " for a choice; `、` and
  /// `或` for a Chinese list). Messages name every field missing or option to drop at once, so that one pass mends
  /// them all.
  public func listed(_ conjunction: String = " and ", separator: String = ", ") -> String {
    guard let last, count > 1 else { return joined() }
    return dropLast().joined(separator: separator) + conjunction + last
  }

  /// The first `limit` items, and how many more past them (`a, b and 4 more`): a message names enough to act on and
  /// never thousands of lines.
  public func listed(atMost limit: Int) -> String {
    count > limit ? prefix(limit).joined(separator: ", ") + " and \(count - limit) more" : listed()
  }
}
