/// One year's official holiday arrangement (国务院办公厅关于部分节假日安排的通知).
///
/// The State Council publishes each year's schedule in the autumn before. A schedule lists the holidays, each
/// with its rest days and the weekend days worked in exchange (调休上班). The calendar turns schedules into
/// working days; a year without one is counted on weekends and the holidays the law fixes on calendar days,
/// and marked provisional.
public struct HolidaySchedule: Hashable, Sendable {
  public var year: Int
  /// The notice the schedule comes from, cited in explanations and reports.
  public var source: String
  public var holidays: [Holiday]

  public init(year: Int, source: String, holidays: [Holiday]) {
    self.year = year
    self.source = source
    self.holidays = holidays
  }

  /// A holiday of the schedule: its name, the days off and the weekend days worked for it.
  public struct Holiday: Hashable, Sendable {
    public var name: String
    public var restDays: ClosedRange<CivilDate>
    public var swappedWorkdays: [CivilDate]

    public init(name: String, restDays: ClosedRange<CivilDate>, swappedWorkdays: [CivilDate] = []) {
      self.name = name
      self.restDays = restDays
      self.swappedWorkdays = swappedWorkdays
    }
  }

  /// Checks what any official schedule satisfies, so that a typing mistake in a new year's file cannot
  /// silently move deadlines: every day lies in the year, no day is listed twice, swapped workdays fall on
  /// weekends, a holiday has a name and no rest period runs longer than a fortnight.
  public func validate() throws(ScheduleError) {
    guard (CivilDate.earliest.year...CivilDate.latest.year).contains(year) else { throw .yearOutOfRange(year) }
    var seen: [CivilDate: String] = [:]
    func claim(_ day: CivilDate, for holiday: String) throws(ScheduleError) {
      guard day.year == year else { throw .dayOutsideYear(day, holiday: holiday, year: year) }
      if let other = seen[day] { throw .dayListedTwice(day, holidays: [other, holiday]) }
      seen[day] = holiday
    }
    for holiday in holidays {
      guard !holiday.name.allSatisfy(\.isWhitespace) else { throw .unnamedHoliday(holiday.restDays.lowerBound) }
      let length = holiday.restDays.lowerBound.days(to: holiday.restDays.upperBound) + 1
      guard length <= 14 else { throw .restPeriodTooLong(holiday.name, days: length) }
      for offset in 0..<length { try claim(holiday.restDays.lowerBound.adding(days: offset), for: holiday.name) }
      for day in holiday.swappedWorkdays {
        guard day.isWeekend else { throw .swappedWorkdayNotWeekend(day, holiday: holiday.name) }
        try claim(day, for: holiday.name)
      }
    }
  }
}

/// A holiday schedule that no official notice could have produced.
public enum ScheduleError: Error, Equatable, Sendable, CustomStringConvertible {
  case yearOutOfRange(Int)
  case dayOutsideYear(CivilDate, holiday: String, year: Int)
  case dayListedTwice(CivilDate, holidays: [String])
  case swappedWorkdayNotWeekend(CivilDate, holiday: String)
  case unnamedHoliday(CivilDate)
  case restPeriodTooLong(String, days: Int)
  case yearListedTwice(Int)

  public var description: String {
    switch self {
    case .yearOutOfRange(let year):
      "year \(year) is outside \(CivilDate.earliest.year)...\(CivilDate.latest.year)"
    case .dayOutsideYear(let day, let holiday, let year):
      "\(holiday): day \(day) is not in \(year); a schedule lists only days of its own year"
    case .dayListedTwice(let day, let holidays):
      "day \(day) is listed twice (\(holidays.joined(separator: ", "))); list each day once"
    case .swappedWorkdayNotWeekend(let day, let holiday):
      "\(holiday): swapped workday \(day) is a \(day.weekday) but swapped workdays are always a Saturday or Sunday"
    case .unnamedHoliday(let day): "the holiday starting \(day) has no name; give it its official name, e.g. 春节"
    case .restPeriodTooLong(let name, let days):
      "\(name): a rest period of \(days) days is too long for an official holiday; check the first and last day"
    case .yearListedTwice(let year): "year \(year) has two schedules; keep one file per year"
    }
  }
}
