import Foundation
import GongkaiCore
import Testing
@testable import GongkaiReference

@Suite struct ShippedCalendarTests {
  let loaded = try! LoadedCalendar.load(resources: try! BundledResources.folder(), directory: nil, files: [])
  var calendar: WorkingDayCalendar { loaded.calendar }

  func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

  @Test func coversEveryYearFrom2018To2026() {
    #expect(calendar.scheduledYears == Array(2018...2026))
    #expect(BundledResources.shippedCalendarYears == 2018...2026)
    #expect(loaded.strayed.isEmpty)
    #expect(loaded.version.hasPrefix("2018-2026 fnv:"))
  }

  /// An administrator starts a replacement from a shipped year's text: it reads back as the same schedule, a source
  /// with quotes and colons included, and a name that joins two holidays.
  @Test(arguments: Array(2018...2026))
  func aShippedYearWrittenOutReadsBackTheSame(year: Int) throws {
    let schedule = try #require(calendar.schedules[year])
    let text = schedule.fileText
    #expect(try HolidaySchedule(YAMLValue.parse(text, file: "\(year).yaml")) == schedule)
    var odd = schedule
    odd.source = "国办发明电: \"通知\" #1"
    odd.holidays[0].name = "元旦/春节"
    #expect(try HolidaySchedule(YAMLValue.parse(odd.fileText, file: "\(year).yaml")) == odd)
  }

  @Test(arguments: Array(2018...2026))
  func everyRestPeriodAndItsEdgesMatchTheNotice(year: Int) throws {
    let official = try #require(officialSchedules[year])
    var restDays = Set<CivilDate>()
    for period in official.rest {
      let ends = period.components(separatedBy: "..").map(day)
      for number in ends[0].dayNumber...ends[1].dayNumber {
        let date = CivilDate(dayNumber: number)
        restDays.insert(date)
        #expect(calendar.kind(of: date) == .restDay, "\(date) is a rest day of \(year)")
        #expect(!calendar.isWorkingDay(date))
      }
      // The days just outside a rest period are ordinary, unless another listed day.
      for edge in [ends[0].adding(days: -1), ends[1].adding(days: 1)] where edge.year == year {
        #expect(calendar.kind(of: edge) != .restDay || official.rest.contains { $0.contains(edge.description) },
                "\(edge) next to \(period)")
      }
    }
    let swapped = Set(official.swapped.map(day))
    for date in swapped {
      #expect(calendar.kind(of: date) == .swappedWorkday, "\(date) is worked")
      #expect(calendar.isWorkingDay(date))
      #expect(date.isWeekend)
    }
    // Every other day of the year follows the week.
    var date = day("\(year)-01-01")
    while date.year == year {
      if !restDays.contains(date) && !swapped.contains(date) {
        #expect(calendar.kind(of: date) == (date.isWeekend ? .weekend : .workday), "\(date)")
      }
      date = date.adding(days: 1)
    }
  }

  /// The check that refuses a file leaving out a holiday the law fixes passes every shipped year, and every
  /// official schedule as transcribed from the notices (2022 and 2023 start on a weekend).
  @Test(arguments: Array(2018...2026))
  func everyShippedAndOfficialYearKeepsTheHolidaysTheLawFixes(year: Int) throws {
    #expect(try #require(calendar.schedules[year]).statutoryProblems() == [])
    let official = try #require(officialSchedules[year])
    var holidays = official.rest.map { period in
      let ends = period.components(separatedBy: "..").map(day)
      return HolidaySchedule.Holiday(name: period, restDays: ends[0]...ends[1])
    }
    holidays[0].swappedWorkdays = official.swapped.map(day)
    let schedule = HolidaySchedule(year: year, source: "", holidays: holidays)
    #expect(schedule.statutoryProblems() == [])
  }

  /// Every shipped holiday gives, in weekdays off less its swapped workdays, the days the law fixes in it: the
  /// balance an administrator's file is warned against breaking. 2020's 春节, which a later notice extended, says so.
  @Test(arguments: Array(2018...2026))
  func everyShippedHolidayBalancesItsDaysOffAgainstTheLaw(year: Int) throws {
    let schedule = try #require(calendar.schedules[year])
    #expect(schedule.makeUpProblems() == [])
    #expect(schedule.holidays.filter { $0.note != nil }.map(\.name) == (year == 2020 ? ["春节"] : []))
    var unnoted = schedule
    for index in unnoted.holidays.indices { unnoted.holidays[index].note = nil }
    #expect(unnoted.makeUpProblems().map(\.holiday) == (year == 2020 ? [1] : []))
  }

  /// A 2027 file that leaves out 劳动节's make-up days (1-2 May are a weekend), runs 清明节 ten days too long, or types
  /// a swapped workday of 春节 in July for January, loads, and is warned of for each, naming the file and the fix.
  @Test func anAdministratorsHolidayThatDoesNotBalanceIsWarnedOf() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-balance-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("2027.yaml")
    let typed = ReferenceFileTests.year2027
      .replacingOccurrences(of: "rest: 2027-05-01..2027-05-04", with: "rest: 2027-05-01..2027-05-02")
      .replacingOccurrences(of: "rest: 2027-04-03..2027-04-05", with: "rest: 2027-04-03..2027-04-15")
      .replacingOccurrences(of: "rest: 2027-02-05..2027-02-10\n    workdays: []", with: "rest: 2027-02-05..2027-02-11\n    workdays: [2027-07-31]")
    #expect(typed.components(separatedBy: "\n").count == ReferenceFileTests.year2027.components(separatedBy: "\n").count)
    #expect(typed.contains("2027-07-31") && typed.contains("2027-04-15") && typed.contains("2027-05-02\n"))
    try typed.write(to: file, atomically: true, encoding: .utf8)
    let loaded = try LoadedCalendar.load(resources: try BundledResources.folder(), directory: folder, files: [])
    #expect(loaded.calendar.hasSchedule(for: 2027))
    #expect(loaded.doubts.count == 3, "\(loaded.doubts)")
    #expect(loaded.doubts.contains("""
      \(file.path): 春节: swapped workday 2027-07-31 is 170 days from the rest days 2027-02-05..2027-02-11, where every \
      notice puts them within three weeks of each other; check its month and day against the notice
      """), "\(loaded.doubts)")
    #expect(loaded.doubts.contains { $0.contains("清明节: 2027-04-03..2027-04-15 gives 9 weekdays off for 0 swapped workdays, net 9, where notices give the 1 day") })
    #expect(loaded.doubts.contains { $0.contains("劳动节: 2027-05-01..2027-05-02 gives 0 weekdays off for 0 swapped workdays, net 0, where notices give the 2 days") })
    // A file copied from last year's, its source not brought up to date, is doubted too
    try ReferenceFileTests.year2027.replacingOccurrences(of: "2027年部分节假日", with: "2026年部分节假日")
      .write(to: file, atomically: true, encoding: .utf8)
    let copied = try LoadedCalendar.load(resources: try BundledResources.folder(), directory: folder, files: [])
    #expect(copied.doubts == ["\(file.path): source: '国务院办公厅关于2026年部分节假日安排的通知' cites 2026's notice, where the file "
      + "holds 2027: a file copied from last year's keeps its days too; cite the notice of 2027, and check every day against it"])
    // And one that cites no notice at all
    let uncited = ReferenceFileTests.year2027.components(separatedBy: "\n").filter { !$0.hasPrefix("source:") }.joined(separator: "\n")
    #expect(uncited != ReferenceFileTests.year2027)
    try uncited.write(to: file, atomically: true, encoding: .utf8)
    let unsourced = try LoadedCalendar.load(resources: try BundledResources.folder(), directory: folder, files: [])
    #expect(unsourced.calendar.hasSchedule(for: 2027))
    #expect(unsourced.doubts == ["\(file.path): source: none given; add `source:` with the State Council's notice of 2027 (its "
      + "国办发明电 number or title and its address), and check every day against it"])
  }

  /// The balance is the year's: 2015's Sunday 中秋节, made up inside 国庆节, leaves one holiday a day short and the other
  /// a day over, which is no mistake; and a 元旦 whose swapped workday lay in the December before (2012's), which the
  /// format cannot hold, is left out of it.
  @Test func theBalanceIsTheYearsAndLeavesTheYearsEndsOut() {
    func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }
    let moonInsideNationalDay = HolidaySchedule(year: 2015, source: "", holidays: [
      .init(name: "中秋节", restDays: day("2015-09-26")...day("2015-09-27")),
      .init(name: "国庆节", restDays: day("2015-10-01")...day("2015-10-07"), swappedWorkdays: [day("2015-10-10")]),
    ])
    #expect(moonInsideNationalDay.makeUpProblems() == [])
    let newYearWorkedInDecember = HolidaySchedule(year: 2012, source: "", holidays: [
      .init(name: "元旦", restDays: day("2012-01-01")...day("2012-01-03")),
    ])
    #expect(newYearWorkedInDecember.makeUpProblems() == [])
    // A 国庆节 a day short with nothing to make it up is named
    let short = HolidaySchedule(year: 2015, source: "", holidays: [
      .init(name: "国庆节", restDays: day("2015-10-01")...day("2015-10-05"), swappedWorkdays: [day("2015-10-10")]),
    ])
    #expect(short.makeUpProblems().map(\.holiday) == [0])
  }

  /// A `source:` is doubted only for citing an earlier year's notice alone: a 2026 file may cite the 2027 notice that
  /// moved days of 2026, and a notice of 2027 is issued in 2026 (国办发明电〔2026〕…, published 2026年11月).
  @Test func aSourceIsDoubtedOnlyForAnEarlierYearsNotice() {
    func cited(_ source: String, year: Int) -> Int? { HolidaySchedule(year: year, source: source, holidays: []).earlierYearCited }
    #expect(cited("国务院办公厅关于2026年部分节假日安排的通知", year: 2027) == 2026)
    #expect(cited("国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕7号，2026年11月发布）", year: 2027) == nil)
    #expect(cited("国务院办公厅关于2027年部分节假日安排的通知", year: 2026) == nil)
    #expect(cited("国务院办公厅关于部分节假日安排的通知", year: 2027) == nil)
    #expect(cited("12026年", year: 2027) == nil)
    #expect(cited("国办发明电〔2026〕15号（2026年11月12日）", year: 2027) == nil)
  }

  @Test func swappedWorkdaysCarryTheirHolidayName() {
    #expect(calendar.holidayName(of: day("2026-01-04")) == "元旦")
    #expect(calendar.holidayName(of: day("2026-02-28")) == "春节")
    #expect(calendar.holidayName(of: day("2026-09-20")) == "国庆节")
    #expect(calendar.holidayName(of: day("2020-02-01")) == "春节")  // the extended 2020 break
    #expect(calendar.kind(of: day("2020-02-01")) == .restDay)
  }

  @Test func deadlinesAcrossTheLongestBreaks() throws {
    // 2020's Spring Festival, extended to 2 February: 2020-01-23 + 1 working day is 2020-02-03.
    #expect(try calendar.deadline(of: .workingDays(1), from: day("2020-01-23")).date == day("2020-02-03"))
    // 2023's joint Mid-Autumn and National Day break, followed by two worked weekend days.
    #expect(try calendar.deadline(of: .workingDays(2), from: day("2023-09-28")).date == day("2023-10-08"))
    // 2025: 20 working days from 2025-01-24 (Fri) with 2025-01-26 and 2025-02-08 worked.
    #expect(try calendar.deadline(of: .workingDays(20), from: day("2025-01-24")).date == day("2025-02-27"))
  }
}
