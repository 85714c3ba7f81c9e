/// Years as a reader takes them in: a run of three or more consecutive years as a range (1926-2017), so that dates
/// typed a century off do not fill a warning, a footnote or a notice with every year between.
public enum YearList {
  /// `1926-2017, 2026, 2027`.
  public static func english(_ years: some Sequence<Int>) -> String {
    runs(years).map { $0.count < 3 ? $0.map(String.init).joined(separator: ", ") : "\($0.lowerBound)-\($0.upperBound)" }
      .joined(separator: ", ")
  }

  /// `1926至2017、2026、2027`, to be followed by 年.
  public static func chinese(_ years: some Sequence<Int>) -> String {
    runs(years).map { $0.count < 3 ? $0.map(String.init).joined(separator: "、") : "\($0.lowerBound)至\($0.upperBound)" }
      .joined(separator: "、")
  }

  /// The years in order, each run of consecutive ones as one range.
  private static func runs(_ years: some Sequence<Int>) -> [ClosedRange<Int>] {
    var runs: [ClosedRange<Int>] = []
    for year in Set(years).sorted() {
      if let last = runs.last, last.upperBound + 1 == year { runs[runs.count - 1] = last.lowerBound...year } else { runs.append(year...year) }
    }
    return runs
  }
}
