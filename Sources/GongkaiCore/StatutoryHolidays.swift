/// The holidays 《全国年节及纪念日放假办法》 fixes: 元旦, 劳动节 and 国庆节 on calendar days, and from 2008 春节,
/// 清明节, 端午节 and 中秋节 on days of the Chinese calendar (清明 on the day of the solar term).
///
/// They are rest days whatever a year's notice arranges around them, so a year whose notice is not yet out is
/// counted with them besides weekends: a period ending on 1 January 2027, or on 除夕 2027 (5 February), moves
/// past the holiday before the 2027 notice exists. A holiday that falls on a Saturday or Sunday is made up on a
/// working day (补假, 第六条), which the notices place right after the holiday; so is it here. The notice's bridging
/// days and swapped workdays (调休) stay unknown, and such a year stays provisional. Article 6 speaks of Saturdays
/// and Sundays only, so a holiday that falls on another one (中秋节 on 3 October 2028) is not made up here, though
/// the notices have merged the two into an eight-day break (2020) and may again.
///
/// The days of the Chinese calendar come from ``lunarDates``, for ``lunarYears`` only: outside them a year is
/// counted on the calendar-day holidays alone, as before, and ``names(in:)`` says so.
///
/// `legal-rules.md` does not cover the 办法. Checked on 2026-11-29 against reproductions of the texts (not the
/// official gazette): the 2024 decision (春节 four days, 农历除夕 and 正月初一至初三, and 劳动节 1-2 May, in force
/// from 1 January 2025; article 6 reworded to 周六、周日), the 2007 revision (劳动节 cut to one day from 2008; 清明节,
/// 端午节 and 中秋节 one day each; 春节 农历除夕、正月初一、初二), the 1999 revision (劳动节 and 国庆节 three days
/// each), article 2 of the 2013 text (元旦 1 January, 春节 正月初一至初三, 清明节 农历清明当日, 劳动节 1 May, 端午节
/// 农历端午当日, 中秋节 农历中秋当日, 国庆节 1-3 October), its article 6 (全体公民放假的假日，如果适逢星期六、星期日，
/// 应当在工作日补假), and the practice of 补假 (1 May 2016, a Sunday, made up on Monday 2 May). Still recalled, not
/// checked: the 1949 text's two days of 国庆节, that the 2013 text applied from 2014 (国务院令第644号), and the
/// numbers of the other 国务院令.
public enum StatutoryHolidays {
  /// The holidays a year without a schedule is counted on, for the texts that say so: those of `years` whose days
  /// are known, in the order of article 2 (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 for 2027).
  public static func names(in years: some Sequence<Int>) -> [String] {
    var names: [String] = []
    for year in years.sorted() {
      for holiday in holidays(in: year) where !names.contains(holiday.name) { names.append(holiday.name) }
    }
    return names
  }

  /// Whether the law itself makes `date` a holiday (1 January, 除夕 to 初三 …), from a checked text: a day no notice can
  /// make a working day, whether or not the year's notice is out.
  public static func isFixedByLaw(_ date: CivilDate) -> Bool {
    fixedDays(in: date.year).contains { $0.day == date }
  }

  /// Whether `name` is a holiday of the 办法, or several that share a rest period joined by `/` or `、` (中秋节/国庆节), as
  /// the notices name them.
  public static func isHolidayName(_ name: String) -> Bool {
    let parts = name.split(whereSeparator: { $0 == "/" || $0 == "、" }).map {
      String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
    return !parts.isEmpty && parts.allSatisfy(allNames.contains)
  }

  /// Every holiday the 办法 has had, in the order of its article 2.
  static let allNames = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]

  /// ``allNames`` as a Chinese list with its last joined by 或: 元旦、春节、…、中秋节或国庆节.
  public static var chineseNames: String { allNames.listed("或", separator: "、") }

  /// ``names(in:)`` as a Chinese list: 元旦、春节、清明节、劳动节、端午节、中秋节、国庆节.
  public static func chineseList(in years: some Sequence<Int>) -> String { names(in: years).joined(separator: "、") }

  /// ``names(in:)`` as a list in an English sentence: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节.
  public static func list(in years: some Sequence<Int>) -> String { names(in: years).joined(separator: ", ") }

  /// A holiday of the 办法: its name, the day its days are counted from, and its days as offsets from that day
  /// (春节 from 2025: -1...2, 除夕 to 初三).
  struct Holiday {
    let name: String
    let anchor: Anchor
    let days: ClosedRange<Int>

    init(_ name: String, _ anchor: Anchor, _ days: ClosedRange<Int> = 0...0) {
      self.name = name
      self.anchor = anchor
      self.days = days
    }
  }

  /// The day a holiday is counted from: a day of the Gregorian calendar, or one of ``lunarDates``.
  enum Anchor {
    case date(month: Int, day: Int)
    case movable(MovableDay)
  }

  /// The days of ``lunarDates``, by column.
  enum MovableDay: Int {
    /// 正月初一.
    case lunarNewYear = 1
    /// The day the sun reaches 15° of ecliptic longitude, Beijing time.
    case qingming
    /// 五月初五.
    case duanwu
    /// 八月十五.
    case zhongqiu
  }

  /// A version of the 办法: the first year it applied, whether its text was checked, and its holidays.
  private typealias Version = (from: Int, checked: Bool, holidays: [Holiday])

  /// The holidays of each version of the 办法, from the first year it applied, and whether the text was checked: a
  /// schedule file is refused for working one of these days only when it was. The lunar holidays are listed from
  /// 2008 only, where ``lunarDates`` starts.
  private static let versions: [Version] = [
    // The 1949 text: 劳动节 one day, 国庆节 two (recalled, not checked).
    (1950, false, [Holiday("元旦", .date(month: 1, day: 1)), Holiday("劳动节", .date(month: 5, day: 1)),
                   Holiday("国庆节", .date(month: 10, day: 1), 0...1)]),
    // The 1999 revision (国务院令第270号), in force from 18 September 1999: 国庆节 three days that year already.
    (1999, true, [Holiday("元旦", .date(month: 1, day: 1)), Holiday("劳动节", .date(month: 5, day: 1)),
                  Holiday("国庆节", .date(month: 10, day: 1), 0...2)]),
    (2000, true, [Holiday("元旦", .date(month: 1, day: 1)), Holiday("劳动节", .date(month: 5, day: 1), 0...2),
                  Holiday("国庆节", .date(month: 10, day: 1), 0...2)]),
    // The 2007 revision (国务院令第513号), in force from 2008: 劳动节 one day; 清明节, 端午节 and 中秋节 added; 春节
    // 除夕 to 初二.
    (2008, true, [Holiday("元旦", .date(month: 1, day: 1)), Holiday("春节", .movable(.lunarNewYear), -1...1),
                  Holiday("清明节", .movable(.qingming)), Holiday("劳动节", .date(month: 5, day: 1)),
                  Holiday("端午节", .movable(.duanwu)), Holiday("中秋节", .movable(.zhongqiu)),
                  Holiday("国庆节", .date(month: 10, day: 1), 0...2)]),
    // The 2013 revision, in force from 2014: 春节 初一 to 初三.
    (2014, true, [Holiday("元旦", .date(month: 1, day: 1)), Holiday("春节", .movable(.lunarNewYear), 0...2),
                  Holiday("清明节", .movable(.qingming)), Holiday("劳动节", .date(month: 5, day: 1)),
                  Holiday("端午节", .movable(.duanwu)), Holiday("中秋节", .movable(.zhongqiu)),
                  Holiday("国庆节", .date(month: 10, day: 1), 0...2)]),
    // The 2024 revision (国务院令第795号), in force from 2025: 春节 除夕 to 初三, 劳动节 two days.
    (2025, true, [Holiday("元旦", .date(month: 1, day: 1)), Holiday("春节", .movable(.lunarNewYear), -1...2),
                  Holiday("清明节", .movable(.qingming)), Holiday("劳动节", .date(month: 5, day: 1), 0...1),
                  Holiday("端午节", .movable(.duanwu)), Holiday("中秋节", .movable(.zhongqiu)),
                  Holiday("国庆节", .date(month: 10, day: 1), 0...2)]),
  ]

  /// Where the holidays are laid down, cited when a schedule file leaves one out.
  static let basis = "《全国年节及纪念日放假办法》第二条"

  /// The days the law itself fixes as holidays in `year`, by holiday, from a checked text only; none when the
  /// year's text is unchecked. Without the make-up days (补假): the law says that one is given, the notice says
  /// which day, so a schedule that places it elsewhere is not wrong.
  static func fixedDays(in year: Int) -> [(name: String, day: CivilDate)] {
    guard let version = version(of: year), version.checked else { return [] }
    return holidays(in: year).flatMap { holiday in holiday.days.map { (holiday.name, $0) } }
  }

  private static func version(of year: Int) -> Version? {
    versions.last { $0.from <= year }
  }

  /// The holidays of `year` whose days are known, with their days in order: the lunar ones only in ``lunarYears``.
  private static func holidays(in year: Int) -> [(name: String, days: [CivilDate])] {
    guard let version = version(of: year) else { return [] }
    return version.holidays.compactMap { holiday -> (name: String, days: [CivilDate])? in
      let anchor: CivilDate
      switch holiday.anchor {
      case .date(let month, let day): anchor = CivilDate(unchecked: year, month, day)
      case .movable(let day):
        guard lunarYears.contains(year) else { return nil }
        let monthDay = lunarDates[year - lunarYears.lowerBound][day.rawValue]
        anchor = CivilDate(unchecked: year, monthDay / 100, monthDay % 100)
      }
      return (holiday.name, holiday.days.map { anchor.adding(days: $0) })
    }
  }

  /// The rest days the law fixes in `year`, with their make-up days, by holiday; none before 1950.
  ///
  /// A holiday's make-up days are the first weekdays after its last day that are neither another holiday's days nor
  /// already given as make-up days, so two holidays never share one: were 中秋节 on Sunday 4 October after 国庆节 from
  /// Thursday 1 October, the two would be made up on Monday 5 and Tuesday 6 October.
  static func restDays(in year: Int) -> [(name: String, day: CivilDate)] {
    let known = holidays(in: year)
    var taken = Set(known.flatMap(\.days))
    return known.flatMap { holiday in
      var madeUp: [CivilDate] = []
      var next = holiday.days[holiday.days.count - 1]
      for _ in holiday.days.filter(\.isWeekend) {
        repeat { next = next.adding(days: 1) } while next.isWeekend || taken.contains(next)
        taken.insert(next)
        madeUp.append(next)
      }
      return (holiday.days + madeUp).map { (holiday.name, $0) }
    }
  }

  /// The years of ``lunarDates``: from 2008, when 清明节, 端午节 and 中秋节 became holidays, to 2070. 清明 2071 falls
  /// within minutes of midnight Beijing time (00:02 by ephem's VSOP87), closer than the computations can settle.
  static let lunarYears = 2008...2070

  /// For each year of ``lunarYears``: the year, then 正月初一, 清明, 端午 (五月初五) and 中秋 (八月十五) as MMDD
  /// (0207 is 7 February), in Beijing time.
  ///
  /// A table rather than a computation: this module does no I/O and has no Foundation, whose Chinese calendar
  /// (ICU) is the obvious source. `StatutoryHolidaysTests` recomputes every row with that calendar and 清明 with
  /// Meeus' solar longitude (Astronomical Algorithms, ch. 25, about 0.01°: within 22 minutes of ephem's instants
  /// over these years) and Espenak and Meeus' ΔT. Generated that way on 2026-11-29 and also compared then, outside the tests, with
  /// lunar-python (寿星万年历's algorithm) and with 清明 from ephem (VSOP87): all 63 years agree. The closest call
  /// is 清明 2038, 00:13 on 5 April by ephem. The shipped schedules of 2018-2026 agree as well (their tests).
  static let lunarDates: [[Int]] = [
    [2008, 0207, 0404, 0608, 0914],
    [2009, 0126, 0404, 0528, 1003],
    [2010, 0214, 0405, 0616, 0922],
    [2011, 0203, 0405, 0606, 0912],
    [2012, 0123, 0404, 0623, 0930],
    [2013, 0210, 0404, 0612, 0919],
    [2014, 0131, 0405, 0602, 0908],
    [2015, 0219, 0405, 0620, 0927],
    [2016, 0208, 0404, 0609, 0915],
    [2017, 0128, 0404, 0530, 1004],
    [2018, 0216, 0405, 0618, 0924],
    [2019, 0205, 0405, 0607, 0913],
    [2020, 0125, 0404, 0625, 1001],
    [2021, 0212, 0404, 0614, 0921],
    [2022, 0201, 0405, 0603, 0910],
    [2023, 0122, 0405, 0622, 0929],
    [2024, 0210, 0404, 0610, 0917],
    [2025, 0129, 0404, 0531, 1006],
    [2026, 0217, 0405, 0619, 0925],
    [2027, 0206, 0405, 0609, 0915],
    [2028, 0126, 0404, 0528, 1003],
    [2029, 0213, 0404, 0616, 0922],
    [2030, 0203, 0405, 0605, 0912],
    [2031, 0123, 0405, 0624, 1001],
    [2032, 0211, 0404, 0612, 0919],
    [2033, 0131, 0404, 0601, 0908],
    [2034, 0219, 0405, 0620, 0927],
    [2035, 0208, 0405, 0610, 0916],
    [2036, 0128, 0404, 0530, 1004],
    [2037, 0215, 0404, 0618, 0924],
    [2038, 0204, 0405, 0607, 0913],
    [2039, 0124, 0405, 0527, 1002],
    [2040, 0212, 0404, 0614, 0920],
    [2041, 0201, 0404, 0603, 0910],
    [2042, 0122, 0404, 0622, 0928],
    [2043, 0210, 0405, 0611, 0917],
    [2044, 0130, 0404, 0531, 1005],
    [2045, 0217, 0404, 0619, 0925],
    [2046, 0206, 0404, 0608, 0915],
    [2047, 0126, 0405, 0529, 1004],
    [2048, 0214, 0404, 0615, 0922],
    [2049, 0202, 0404, 0604, 0911],
    [2050, 0123, 0404, 0623, 0930],
    [2051, 0211, 0405, 0613, 0919],
    [2052, 0201, 0404, 0601, 0907],
    [2053, 0219, 0404, 0620, 0926],
    [2054, 0208, 0404, 0610, 0916],
    [2055, 0128, 0405, 0530, 1005],
    [2056, 0215, 0404, 0617, 0924],
    [2057, 0204, 0404, 0606, 0913],
    [2058, 0124, 0404, 0625, 1002],
    [2059, 0212, 0405, 0614, 0921],
    [2060, 0202, 0404, 0603, 0909],
    [2061, 0121, 0404, 0622, 0928],
    [2062, 0209, 0404, 0611, 0917],
    [2063, 0129, 0405, 0601, 1006],
    [2064, 0217, 0404, 0619, 0925],
    [2065, 0205, 0404, 0608, 0915],
    [2066, 0126, 0404, 0528, 1003],
    [2067, 0214, 0405, 0616, 0923],
    [2068, 0203, 0404, 0604, 0911],
    [2069, 0123, 0404, 0623, 0929],
    [2070, 0211, 0404, 0613, 0919],
  ]
}
