import Testing
@testable import GongkaiCore

@Suite struct WorkingDayCalendarTests {
  @Test func classifiesEveryKindOfDay() {
    #expect(calendar2026.kind(of: day("2026-01-05")) == .workday)
    #expect(calendar2026.kind(of: day("2026-01-10")) == .weekend)
    #expect(calendar2026.kind(of: day("2026-01-01")) == .restDay)
    #expect(calendar2026.kind(of: day("2026-01-03")) == .restDay)  // a Saturday inside the rest period
    #expect(calendar2026.kind(of: day("2026-01-04")) == .swappedWorkday)
    #expect(calendar2026.holidayName(of: day("2026-01-04")) == "元旦")
    #expect(calendar2026.holidayName(of: day("2026-01-05")) == nil)
  }

  @Test func yearsWithoutScheduleRestOnWeekendsAndTheStatutoryHolidays() throws {
    #expect(!calendar2026.hasSchedule(for: 2027))
    // 《全国年节及纪念日放假办法》 fixes its holidays whatever the 2027 notice says, and a holiday on a Saturday or
    // Sunday is made up on the working days after it: 春节 (除夕 Friday 2-05 to 初三 Monday 2-08) on 2-09 and 2-10,
    // 劳动节 (two days from 2025, Saturday and Sunday) on 5-03 and 5-04, 国庆节 (Friday to Sunday) on 10-04 and 10-05.
    let rest = ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10",
                "2027-04-05", "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04", "2027-06-09", "2027-09-15",
                "2027-10-01", "2027-10-03", "2027-10-04", "2027-10-05"]
    #expect(rest.map { calendar2026.kind(of: day($0)) } == Array(repeating: .restDay, count: rest.count))
    #expect(calendar2026.holidayName(of: day("2027-10-05")) == "国庆节")
    #expect(["2027-02-05", "2027-04-05", "2027-06-09", "2027-09-15"].map { calendar2026.holidayName(of: day($0)) }
      == ["春节", "清明节", "端午节", "中秋节"])
    // Only the notice's bridging days and swapped workdays are unknown until it comes.
    let working = ["2027-02-04", "2027-02-11", "2027-04-06", "2027-05-05", "2027-06-10", "2027-09-16", "2027-10-06"]
    #expect(working.map { calendar2026.isWorkingDay(day($0)) } == Array(repeating: true, count: working.count))
    // Five working days from Monday 2027-02-01 step over 春节 and its make-up days.
    let afterSpringFestival = try calendar2026.deadline(of: try .workingDays(5), from: day("2027-02-01"))
    #expect(afterSpringFestival.date == day("2027-02-12"))
    #expect(afterSpringFestival.isProvisional)
    // Before the 2025 revision 劳动节 was one day: without its notice, 2024-05-02 counts as a working day.
    let without2024 = try WorkingDayCalendar(schedules: [])
    let mayDay2024 = ["2024-05-01", "2024-05-02"].map { without2024.isWorkingDay(day($0)) }
    #expect(mayDay2024 == [false, true])
    // A 3-day period from 2026-12-29 ends on 元旦 2027 and moves to the next working day.
    let deadline = try calendar2026.deadline(of: try .calendarDays(3), from: day("2026-12-29"))
    #expect(deadline.date == day("2027-01-04"))
    #expect(deadline.isProvisional)
  }

  @Test func workingDayIndexAgreesWithADayByDayCount() throws {
    // The constant-time index against the obvious loop, over two years around the schedule.
    var date = day("2025-12-01")
    var expected: [CivilDate] = []
    while expected.count < 300 {
      date = date.adding(days: 1)
      if calendar2026.isWorkingDay(date) { expected.append(date) }
    }
    for n in [1, 2, 19, 20, 100, 300] {
      #expect(try calendar2026.workingDay(n, after: day("2025-12-01")) == expected[n - 1])
    }
  }

  @Test func invalidSchedulesAreRefusedNamingTheDay() {
    func build(_ holiday: HolidaySchedule.Holiday, year: Int = 2026) throws {
      _ = try WorkingDayCalendar(schedules: [HolidaySchedule(year: year, source: "", holidays: [holiday])])
    }
    #expect(throws: ScheduleError.swappedWorkdayNotWeekend(day("2026-01-05"), holiday: "元旦")) {
      try build(.init(name: "元旦", restDays: day("2026-01-01")...day("2026-01-01"), swappedWorkdays: [day("2026-01-05")]))
    }
    #expect(throws: ScheduleError.dayOutsideYear(day("2027-01-01"), holiday: "元旦", year: 2026)) {
      try build(.init(name: "元旦", restDays: day("2026-12-31")...day("2027-01-01")))
    }
    #expect(throws: ScheduleError.dayListedTwice(day("2026-01-04"), as: ["元旦 rest day", "元旦 workday"])) {
      try build(.init(name: "元旦", restDays: day("2026-01-04")...day("2026-01-04"), swappedWorkdays: [day("2026-01-04")]))
    }
    #expect(throws: ScheduleError.restPeriodTooLong("春节", days: 40)) {
      try build(.init(name: "春节", restDays: day("2026-02-01")...day("2026-03-12")))
    }
    #expect(throws: ScheduleError.yearListedTwice(2026)) {
      _ = try WorkingDayCalendar(schedules: [schedule2026, schedule2026])
    }
  }
}
