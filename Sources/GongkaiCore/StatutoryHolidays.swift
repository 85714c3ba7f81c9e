/// The holidays that 《全国年节及纪念日放假办法》 fixes on calendar days: 元旦, 劳动节 and 国庆节.
///
/// They are rest days whatever a year's notice arranges around them, so a year whose notice is not yet out is
/// counted with them besides weekends: a period ending on 1 January 2027 moves to the next working day before
/// the 2027 notice exists. The lunar holidays (春节, 清明节, 端午节, 中秋节) and the notice's swapped workdays stay
/// unknown, and such a year stays provisional.
///
/// The dates of each revision are recalled, not quoted from the stored reference texts (`legal-rules.md` does not
/// cover the 办法): check them against the 办法 before relying on a year without a schedule for an audit.
enum StatutoryHolidays {
  /// A fixed-date holiday: its name, month and first and last day of the month.
  struct Fixed {
    let name: String
    let month: Int
    let days: ClosedRange<Int>
  }

  /// The fixed-date holidays of each version of the 办法, from the first year it applied.
  private static let versions: [(from: Int, holidays: [Fixed])] = [
    // 1999 revision: 劳动节 three days.
    (2000, [Fixed(name: "元旦", month: 1, days: 1...1), Fixed(name: "劳动节", month: 5, days: 1...3),
            Fixed(name: "国庆节", month: 10, days: 1...3)]),
    // 2007 revision (国务院令第513号), in force from 2008: 劳动节 one day.
    (2008, [Fixed(name: "元旦", month: 1, days: 1...1), Fixed(name: "劳动节", month: 5, days: 1...1),
            Fixed(name: "国庆节", month: 10, days: 1...3)]),
    // 2024 revision (国务院令第795号), in force from 2025: 劳动节 two days.
    (2025, [Fixed(name: "元旦", month: 1, days: 1...1), Fixed(name: "劳动节", month: 5, days: 1...2),
            Fixed(name: "国庆节", month: 10, days: 1...3)]),
  ]

  /// The rest days the law fixes in `year`, by holiday; none before 2000.
  static func restDays(in year: Int) -> [(name: String, days: ClosedRange<CivilDate>)] {
    guard let version = versions.last(where: { $0.from <= year }) else { return [] }
    return version.holidays.map { holiday in
      (holiday.name, CivilDate(unchecked: year, holiday.month, holiday.days.lowerBound)
        ... CivilDate(unchecked: year, holiday.month, holiday.days.upperBound))
    }
  }
}
