import Testing
@testable import GongkaiCore

/// Deadlines as DESIGN.md "Counting periods" states them, on the 2026 schedule.
@Suite struct PeriodTests {
  let calendar = calendar2026

  func deadline(_ from: String, _ length: Int, _ unit: Period.Unit) throws -> Deadline {
    try calendar.deadline(of: Period(length, unit), from: day(from))
  }

  @Test func workingDaysAcrossSpringFestivalCountBothSwappedSaturdays() throws {
    // 2026-02-14 (Sat, worked) is day 1; 2-15..2-23 rest; 2-28 (Sat, worked) counts; day 20 is 3-19.
    #expect(try deadline("2026-02-13", 20, .workingDays) == Deadline(date: day("2026-03-19"), isProvisional: false))
    #expect(try deadline("2026-02-13", 1, .workingDays).date == day("2026-02-14"))
    #expect(try deadline("2026-02-13", 2, .workingDays).date == day("2026-02-24"))
  }

  /// English outputs (the audit CSV's `minimum_publication`, `rules --lang en`) name a period as a person would.
  @Test func aPeriodReadsInEnglishWithItsNumber() throws {
    #expect(try Period(1, .workingDays).description == "1 working day")
    #expect(try Period(20, .workingDays).description == "20 working days")
    #expect(try Period(1, .calendarDays).description == "1 calendar day")
    #expect(try Period(30, .calendarDays).description == "30 calendar days")
  }

  @Test func workingDaysAcrossNationalDay() throws {
    // 9-30 (Wed) + 1: 10-1..10-7 rest, 10-8 (Thu) is the first working day; 10-10 (Sat) is worked.
    #expect(try deadline("2026-09-30", 1, .workingDays).date == day("2026-10-08"))
    #expect(try deadline("2026-09-30", 3, .workingDays).date == day("2026-10-10"))
    #expect(try deadline("2026-09-30", 7, .workingDays).date == day("2026-10-15"))
  }

  @Test func periodFromARestDayStartsTheNextDay() throws {
    #expect(try deadline("2026-10-03", 1, .workingDays).date == day("2026-10-08"))
    #expect(try deadline("2026-02-15", 3, .workingDays).date == day("2026-02-26"))
    #expect(try deadline("2026-01-03", 1, .workingDays).date == day("2026-01-04"))
  }

  @Test func aWorkingDayPeriodCanEndOnASwappedSaturday() throws {
    #expect(try deadline("2026-02-27", 1, .workingDays).date == day("2026-02-28"))
    #expect(try deadline("2026-05-08", 1, .workingDays).date == day("2026-05-09"))
  }

  @Test func calendarDaysEndingOnAHolidayMoveToTheNextWorkingDay() throws {
    // 2-12 + 3 = 2-15, inside the Spring Festival rest: moves to 2-24 (民法典 art. 203).
    #expect(try deadline("2026-02-12", 3, .calendarDays).date == day("2026-02-24"))
    // 9-28 + 3 = 10-1: moves past National Day to 10-8.
    #expect(try deadline("2026-09-28", 3, .calendarDays).date == day("2026-10-08"))
    // Ending on an ordinary Sunday moves to Monday.
    #expect(try deadline("2026-03-12", 3, .calendarDays).date == day("2026-03-16"))
  }

  @Test func calendarDaysEndingOnASwappedSaturdayStayThere() throws {
    #expect(try deadline("2026-02-25", 3, .calendarDays).date == day("2026-02-28"))
  }

  @Test func calendarDaysIgnoreHolidaysInsideThePeriod() throws {
    #expect(try deadline("2026-02-13", 15, .calendarDays).date == day("2026-02-28"))
  }

  @Test func aYearWithoutScheduleIsProvisional() throws {
    let late = try deadline("2026-12-20", 20, .workingDays)
    #expect(late.isProvisional)
    #expect(calendar.unscheduledYears(from: day("2026-12-21"), through: late.date) == [2027])
    #expect(try !deadline("2026-12-01", 5, .workingDays).isProvisional)
    #expect(try deadline("2026-12-30", 3, .calendarDays).isProvisional)
  }

  /// A day stands where it stands against a deadline that may move while the days before it cannot make up the period
  /// whatever the missing schedule arranges: 17 settled working days from 12-02 to 12-24, then the last week of
  /// December, which the 2027 notice may arrange. Up to 12-27 at most 19 working days come before the day (on time
  /// for certain); from 12-28, 20 may.
  @Test func aDayStandsAgainstAProvisionalDeadlineWhileTheDaysBeforeItCannotMakeUpThePeriod() throws {
    let working = try Period.workingDays(20)
    let monthEnd = try deadline("2026-12-01", 20, .workingDays)
    #expect(monthEnd.date == day("2026-12-29") && monthEnd.isProvisional)
    #expect(calendar.settles(monthEnd, of: working, from: day("2026-12-01"), against: day("2026-12-25")))
    #expect(calendar.settles(monthEnd, of: working, from: day("2026-12-01"), against: day("2026-12-27")))
    #expect(!calendar.settles(monthEnd, of: working, from: day("2026-12-01"), against: day("2026-12-28")))
    #expect(!calendar.settles(monthEnd, of: working, from: day("2026-12-01"), against: day("2027-03-01")))
    // Three calendar days from 12-23 end Saturday 12-26, moved to a working day: only a day after 12-26 may turn.
    let threeDays = try Period.calendarDays(3)
    let weekend = try deadline("2026-12-23", 3, .calendarDays)
    #expect(weekend.isProvisional)
    #expect(calendar.settles(weekend, of: threeDays, from: day("2026-12-23"), against: day("2026-12-26")))
    #expect(!calendar.settles(weekend, of: threeDays, from: day("2026-12-23"), against: day("2026-12-27")))
    let settled = try deadline("2026-12-01", 5, .workingDays)
    #expect(calendar.settles(settled, of: try .workingDays(5), from: day("2026-12-01"), against: day("2027-06-01")))
  }

  /// The 2019 notice made 2018-12-29 a workday and 12-30 and 12-31 rest days: until the next year's notice is
  /// out, the last week of December is not settled either.
  @Test func theLastWeekOfAYearAwaitsTheNextYearsSchedule() throws {
    let christmas = try deadline("2026-12-21", 3, .calendarDays)
    #expect(christmas.date == day("2026-12-24") && !christmas.isProvisional)
    let lastWeek = try deadline("2026-12-22", 3, .calendarDays)
    #expect(lastWeek.date == day("2026-12-25") && lastWeek.isProvisional)
    #expect(calendar.unscheduledYears(from: day("2026-12-23"), through: lastWeek.date) == [2027])
    #expect(calendar.unscheduledYears(from: day("2026-12-01"), through: day("2026-12-24")).isEmpty)
    #expect(calendar.unscheduledYears(from: day("2025-12-01"), through: day("2025-12-31")) == [2025])
    let known = try WorkingDayCalendar(schedules: [schedule2026, HolidaySchedule(year: 2027, source: "test", holidays: [])])
    #expect(!known.isProvisional(from: day("2026-12-25"), through: day("2026-12-31")))
    #expect(known.unscheduledYears(from: day("2026-12-25"), through: day("2026-12-31")).isEmpty)
    // No year comes after the last one the calendar supports, to wait for
    #expect(calendar.unscheduledYears(from: day("2199-12-28"), through: CivilDate.latest) == [2199])
  }

  @Test func workingDaysBetweenCountsTheEndNotTheStart() {
    #expect(calendar.workingDays(from: day("2026-03-19"), through: day("2026-03-19")) == 0)
    #expect(calendar.workingDays(from: day("2026-03-19"), through: day("2026-03-20")) == 1)
    #expect(calendar.workingDays(from: day("2026-03-19"), through: day("2026-03-23")) == 2)
    #expect(calendar.workingDays(from: day("2026-02-13"), through: day("2026-03-19")) == 20)
    #expect(calendar.workingDays(from: day("2026-03-20"), through: day("2026-03-19")) == -1)
  }

  @Test func lengthsOutsideOneToAThousandAreRefused() {
    #expect(throws: PeriodError.lengthOutOfRange(0)) { try Period.workingDays(0) }
    #expect(throws: PeriodError.lengthOutOfRange(-3)) { try Period.calendarDays(-3) }
    #expect(throws: PeriodError.lengthOutOfRange(1001)) { try Period.workingDays(1001) }
  }

  @Test func aPeriodBeyondTheLastSupportedDayIsAnError() {
    #expect(throws: PeriodError.beyondCalendar(from: day("2199-12-30"), days: 5)) {
      try deadline("2199-12-30", 5, .workingDays)
    }
    #expect(throws: PeriodError.beyondCalendar(from: day("2199-12-30"), days: 5)) {
      try deadline("2199-12-30", 5, .calendarDays)
    }
  }

  @Test func explanationListsSkippedRestDaysAndSwappedWorkdays() throws {
    let explanation = try calendar.explain(.workingDays(20), from: day("2026-02-13"))
    #expect(explanation.countedFrom == day("2026-02-14"))
    #expect(explanation.swappedWorkdays == [day("2026-02-14"), day("2026-02-28")])
    let festival = explanation.skippedDays.filter { $0.holiday == "春节" }.map(\.date)
    #expect(festival == (0...8).map { day("2026-02-15").adding(days: $0) })
    #expect(explanation.skippedDays.filter { $0.kind == .weekend }.map(\.date)
      == [day("2026-03-01"), day("2026-03-07"), day("2026-03-08"), day("2026-03-14"), day("2026-03-15")])
  }

  @Test func calendarExplanationShowsTheMove() throws {
    let explanation = try calendar.explain(.calendarDays(3), from: day("2026-02-12"))
    #expect(explanation.nominalEnd == day("2026-02-15"))
    #expect(explanation.deadline.date == day("2026-02-24"))
    #expect(explanation.skippedDays.count == 9)
  }
}
