import GongkaiCore

/// Why a result is provisional, in the words every published output uses: a reader of a notice page or of a
/// performance report must see it there, not only the person who ran the export and saw its warning.
public enum ProvisionalNote {
  /// `subject` (e.g. 标注“暂定”的日期、状态和天数) 涉及尚无国务院节假日安排的2027年……; nil when no year is concerned.
  static func text(_ subject: String, years: Set<Int>) -> String? {
    guard !years.isEmpty else { return nil }
    return "\(subject)涉及尚无国务院节假日安排的\(YearList.chinese(years))年或其前一周，"
      + "暂按周末及\(StatutoryHolidays.chineseList(in: years))法定假日（含补假）计算，安排公布后可能变化。"
  }

  /// The note of a statistics report, whose counts rest on such deadlines.
  public static func statistics(_ statistics: DisclosureStatistics) -> String? {
    text("本表部分数字为暂定（“状态暂定”为状态可能变化的项数，“已确定按时率”不计这些项"
      + (statistics.medianIsProvisional ? "；“公开用时中位数”所计的工作日也可能变化" : "") + "）：其所依据的时限", years: statistics.unscheduledYears)
  }

  /// ``statistics(_:)`` in English.
  public static func englishStatistics(_ statistics: DisclosureStatistics) -> String? {
    let years = statistics.unscheduledYears
    guard !years.isEmpty else { return nil }
    return "Some figures are provisional (the provisional column counts the statuses that may change, and the settled rate "
      + "is the on-time rate without them" + (statistics.medianIsProvisional ? "; the median's working days may change too" : "")
      + "): the deadlines they rest "
      + "on reach into \(YearList.english(years)) or the week before, for which the State Council has not yet published a "
      + "holiday schedule; they are counted with weekends and the statutory holidays (with their make-up days) and may change "
      + "once it is."
  }
}
