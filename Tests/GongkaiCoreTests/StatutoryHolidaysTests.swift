import Foundation
import Testing
@testable import GongkaiCore

/// The table of lunar holidays against a computation made without it: Foundation's Chinese calendar (ICU) for
/// 正月初一, 五月初五 and 八月十五, and the solar longitude for 清明. The module under test has no Foundation, so
/// the computation lives here. The official schedules of 2018-2026 are the other check: each rests on every
/// weekday the table gives them (`ShippedCalendarTests`).
@Suite struct StatutoryHolidaysTests {
  @Test func everyRowOfTheLunarTableAgreesWithTheChineseCalendarAndTheSun() {
    #expect(StatutoryHolidays.lunarDates.map { $0[0] } == Array(StatutoryHolidays.lunarYears))
    for row in StatutoryHolidays.lunarDates {
      let year = row[0]
      let computed = Self.lunarDays(in: year)
      let expected = [computed.newYear, Self.qingming(in: year), computed.duanwu, computed.zhongqiu]
      #expect(Array(row.dropFirst()) == expected, "\(year)")
    }
  }

  @Test func twentyTwentySevenRestsOnEveryHolidayOfThe2024Text() {
    let days = StatutoryHolidays.restDays(in: 2027).map { "\($0.day) \($0.name)" }
    #expect(days == [
      "2027-01-01 元旦",
      // 除夕 is a Friday, 初一 and 初二 fall on the weekend: made up on Tuesday and Wednesday after 初三.
      "2027-02-05 春节", "2027-02-06 春节", "2027-02-07 春节", "2027-02-08 春节", "2027-02-09 春节", "2027-02-10 春节",
      "2027-04-05 清明节",
      "2027-05-01 劳动节", "2027-05-02 劳动节", "2027-05-03 劳动节", "2027-05-04 劳动节",
      "2027-06-09 端午节",
      "2027-09-15 中秋节",
      "2027-10-01 国庆节", "2027-10-02 国庆节", "2027-10-03 国庆节", "2027-10-04 国庆节", "2027-10-05 国庆节",
    ])
  }

  @Test func eachVersionOfTheTextHasItsOwnSpringFestival() {
    func springFestival(_ year: Int) -> [String] {
      StatutoryHolidays.fixedDays(in: year).filter { $0.name == "春节" }.map(\.day.description)
    }
    // 2013: 除夕 to 初二 (2007 text); 2019: 初一 to 初三 (2013 text); 2027: 除夕 to 初三 (2024 text).
    #expect(springFestival(2013) == ["2013-02-09", "2013-02-10", "2013-02-11"])
    #expect(springFestival(2019) == ["2019-02-05", "2019-02-06", "2019-02-07"])
    #expect(springFestival(2027) == ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"])
  }

  @Test func outsideTheTableOnlyTheCalendarDayHolidaysAreKnown() {
    #expect(StatutoryHolidays.names(in: [2027]) == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
    #expect(StatutoryHolidays.names(in: [2071]) == ["元旦", "劳动节", "国庆节"])
    #expect(StatutoryHolidays.names(in: [2007]) == ["元旦", "劳动节", "国庆节"])
    #expect(StatutoryHolidays.chineseList(in: [2071, 2027]) == "元旦、春节、清明节、劳动节、端午节、中秋节、国庆节")
  }

  @Test func twoHolidaysNeverShareAMakeUpDay() {
    // Every make-up day of every year of the table is a weekday and is given once.
    for year in StatutoryHolidays.lunarYears {
      let days = StatutoryHolidays.restDays(in: year).map(\.day)
      let holidays = Set(StatutoryHolidays.fixedDays(in: year).map(\.day))
      let madeUp = days.filter { !holidays.contains($0) }
      #expect(madeUp.allSatisfy { !$0.isWeekend }, "\(year)")
      #expect(Set(madeUp).count == madeUp.count, "\(year)")
      #expect(madeUp.count == StatutoryHolidays.fixedDays(in: year).filter(\.day.isWeekend).count, "\(year)")
    }
  }

  // MARK: - The independent computation

  private static let beijing = TimeZone(identifier: "Asia/Shanghai")!

  private static let gregorian: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = beijing
    return calendar
  }()

  /// 正月初一, 五月初五 and 八月十五 of `year` as MMDD, read day by day from ICU's Chinese calendar (leap months
  /// skipped: 端午 is in the fifth month proper).
  private static func lunarDays(in year: Int) -> (newYear: Int, duanwu: Int, zhongqiu: Int) {
    var chinese = Calendar(identifier: .chinese)
    chinese.timeZone = beijing
    var found: [Int: Int] = [:]
    var date = gregorian.date(from: DateComponents(year: year, month: 1, day: 1))!
    while gregorian.component(.year, from: date) == year {
      let lunar = chinese.dateComponents([.month, .day, .isLeapMonth], from: date)
      if lunar.isLeapMonth != true, let month = lunar.month, let day = lunar.day,
         [1: 1, 5: 5, 8: 15][month] == day {
        let solar = gregorian.dateComponents([.month, .day], from: date)
        found[month] = solar.month! * 100 + solar.day!
      }
      date = gregorian.date(byAdding: .day, value: 1, to: date)!
    }
    return (found[1] ?? 0, found[5] ?? 0, found[8] ?? 0)
  }

  /// The day, Beijing time, on which the sun's apparent longitude reaches 15° in `year`, as MMDD: Meeus,
  /// Astronomical Algorithms, ch. 25 (low accuracy, about 0.01°), with Espenak and Meeus' ΔT for 2005-2150.
  private static func qingming(in year: Int) -> Int {
    let radians = Double.pi / 180
    func apparentLongitude(julianEphemerisDay: Double) -> Double {
      let t = (julianEphemerisDay - 2_451_545) / 36_525
      let meanLongitude = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t
      let anomaly = (357.52911 + 35_999.05029 * t - 0.0001537 * t * t) * radians
      let centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(anomaly)
        + (0.019993 - 0.000101 * t) * sin(2 * anomaly) + 0.000289 * sin(3 * anomaly)
      let node = (125.04 - 1934.136 * t) * radians
      return meanLongitude + centre - 0.00569 - 0.00478 * sin(node)
    }
    let y = Double(year) + 0.26
    let deltaT = y < 2050
      ? 62.92 + 0.32217 * (y - 2000) + 0.005589 * (y - 2000) * (y - 2000)
      : -20 + 32 * ((y - 1820) / 100) * ((y - 1820) / 100) - 0.5628 * (2150 - y)
    let start = gregorian.date(from: DateComponents(year: year, month: 4, day: 5))!
    var julianDay = start.timeIntervalSince1970 / 86_400 + 2_440_587.5
    for _ in 0..<10 {
      var behind = (15 - apparentLongitude(julianEphemerisDay: julianDay + deltaT / 86_400))
        .truncatingRemainder(dividingBy: 360)
      if behind > 180 { behind -= 360 } else if behind < -180 { behind += 360 }
      julianDay += behind / 360 * 365.2422
    }
    let instant = Date(timeIntervalSince1970: (julianDay - 2_440_587.5) * 86_400)
    let solar = gregorian.dateComponents([.month, .day], from: instant)
    return solar.month! * 100 + solar.day!
  }
}
