/// The holidays that 《全国年节及纪念日放假办法》 fixes on calendar days: 元旦, 劳动节 and 国庆节.
///
/// They are rest days whatever a year's notice arranges around them, so a year whose notice is not yet out is
/// counted with them besides weekends: a period ending on 1 January 2027 moves to the next working day before
/// the 2027 notice exists. A fixed holiday that falls on a Saturday or Sunday is made up on a working day (补假,
/// 第六条), which the notices place right after the holiday; so is it here. The lunar holidays (春节, 清明节,
/// 端午节, 中秋节), the bridging days and the notice's swapped workdays stay unknown, and such a year stays
/// provisional.
///
/// `legal-rules.md` does not cover the 办法. Checked on 2026-11-29 against reproductions of the texts (not the
/// official gazette): the 2024 decision (除夕 and 2 May added, in force from 1 January 2025), the 2007 revision
/// (劳动节 cut to one day from 2008), the 1999 revision (劳动节 and 国庆节 three days each), article 2 of the
/// 2013 text (元旦 1 January, 劳动节 1 May, 国庆节 1-3 October), and the practice of 补假 (1 May 2016, a Sunday,
/// made up on Monday 2 May). Still recalled, not checked: the 1949 text's two days of 国庆节 and the numbers of
/// the 国务院令.
public enum StatutoryHolidays {
  /// The fixed-date holidays, for the texts that say what a year without a schedule is counted on.
  public static let names = ["元旦", "劳动节", "国庆节"]
  /// ``names`` as a Chinese list: 元旦、劳动节、国庆节.
  public static var chineseList: String { names.joined(separator: "、") }
  /// ``names`` as a list in an English sentence: 元旦, 劳动节, 国庆节.
  public static var list: String { names.joined(separator: ", ") }

  /// A fixed-date holiday: its name, month and first and last day of the month.
  struct Fixed {
    let name: String
    let month: Int
    let days: ClosedRange<Int>
  }

  /// A version of the 办法: the first year it applied, whether its text was checked, and its fixed-date holidays.
  private typealias Version = (from: Int, checked: Bool, holidays: [Fixed])

  /// The fixed-date holidays of each version of the 办法, from the first year it applied, and whether the text
  /// was checked: a schedule file is refused for working one of these days only when it was.
  private static let versions: [Version] = [
    // The 1949 text: 劳动节 one day, 国庆节 two (recalled, not checked).
    (1950, false, [Fixed(name: "元旦", month: 1, days: 1...1), Fixed(name: "劳动节", month: 5, days: 1...1),
                   Fixed(name: "国庆节", month: 10, days: 1...2)]),
    // The 1999 revision (国务院令第270号), in force from 18 September 1999: 国庆节 three days that year already.
    (1999, true, [Fixed(name: "元旦", month: 1, days: 1...1), Fixed(name: "劳动节", month: 5, days: 1...1),
                  Fixed(name: "国庆节", month: 10, days: 1...3)]),
    (2000, true, [Fixed(name: "元旦", month: 1, days: 1...1), Fixed(name: "劳动节", month: 5, days: 1...3),
                  Fixed(name: "国庆节", month: 10, days: 1...3)]),
    // The 2007 revision (国务院令第513号), in force from 2008: 劳动节 one day.
    (2008, true, [Fixed(name: "元旦", month: 1, days: 1...1), Fixed(name: "劳动节", month: 5, days: 1...1),
                  Fixed(name: "国庆节", month: 10, days: 1...3)]),
    // The 2024 revision (国务院令第795号), in force from 2025: 劳动节 two days.
    (2025, true, [Fixed(name: "元旦", month: 1, days: 1...1), Fixed(name: "劳动节", month: 5, days: 1...2),
                  Fixed(name: "国庆节", month: 10, days: 1...3)]),
  ]

  /// Where the fixed-date holidays are laid down, cited when a schedule file leaves one out.
  static let basis = "《全国年节及纪念日放假办法》第二条"

  /// The days the law itself fixes as holidays in `year`, by holiday, from a checked text only; none when the
  /// year's text is unchecked. Without the make-up days (补假): the law says that one is given, the notice says
  /// which day, so a schedule that places it elsewhere is not wrong.
  static func fixedDays(in year: Int) -> [(name: String, day: CivilDate)] {
    guard let version = version(of: year), version.checked else { return [] }
    return version.holidays.flatMap { holiday in
      holiday.days.map { (holiday.name, CivilDate(unchecked: year, holiday.month, $0)) }
    }
  }

  private static func version(of year: Int) -> Version? {
    versions.last { $0.from <= year }
  }

  /// The rest days the law fixes in `year`, with their make-up days, by holiday; none before 1950.
  static func restDays(in year: Int) -> [(name: String, day: CivilDate)] {
    guard let version = version(of: year) else { return [] }
    let fixed = Set(version.holidays.flatMap { holiday in
      holiday.days.map { CivilDate(unchecked: year, holiday.month, $0) }
    })
    return version.holidays.flatMap { holiday in
      let days = holiday.days.map { CivilDate(unchecked: year, holiday.month, $0) }
      var madeUp: [CivilDate] = []
      var next = days[days.count - 1]
      for _ in days.filter(\.isWeekend) {
        repeat { next = next.adding(days: 1) } while next.isWeekend || fixed.contains(next)
        madeUp.append(next)
      }
      return (days + madeUp).map { (holiday.name, $0) }
    }
  }
}
