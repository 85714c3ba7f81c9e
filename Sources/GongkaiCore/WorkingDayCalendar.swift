/// The working days of mainland China: Monday to Friday, less official rest days, plus swapped workdays.
///
/// Every question is answered in constant time from an index built once over ``CivilDate/earliest`` ...
/// ``CivilDate/latest``: a prefix count of working days, the ordered list of working days, and a prefix count
/// of days that fall in years without an official schedule. Those years are counted on weekends and the
/// holidays the law fixes (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节, with their make-up days:
/// ``StatutoryHolidays``), and every answer that touches one of their days but the holidays themselves, which no
/// notice moves, says so (``isProvisional(from:through:)``), because the State Council's notice will add bridging
/// days and may still move days. So does an answer that touches the
/// last week of a year whose next year has no schedule: each year's notice arranges 元旦 and may move days at the
/// end of the year before (the 2019 notice made 2018-12-29 a workday and 12-30 and 12-31 rest days).
public struct WorkingDayCalendar: Sendable {
  /// The schedules the calendar was built from, by year.
  public let schedules: [Int: HolidaySchedule]

  private let base: Int
  private let kinds: [DayKind]
  /// `workingDaysBefore[i]`: working days in `base ..< base + i`.
  private let workingDaysBefore: [Int32]
  /// Day offsets of all working days in order.
  private let workingDayOffsets: [Int32]
  /// `unscheduledDaysBefore[i]`: days in `base ..< base + i` that a schedule still missing may arrange: those of a year
  /// without one, and of the last week before it, but for the holidays the law itself fixes, which no notice moves.
  private let unscheduledDaysBefore: [Int32]
  /// `settledWorkingDaysBefore[i]`: working days in `base ..< base + i` that no missing schedule can make rest days.
  private let settledWorkingDaysBefore: [Int32]
  /// `swappedWorkdaysBefore[i]`: swapped workdays (调休上班) in `base ..< base + i`.
  private let swappedWorkdaysBefore: [Int32]
  private let holidayNames: [Int: String]
  /// The days the 放假办法 itself makes holidays (国庆节 on a Saturday too), by day number: the only rest days a period's
  /// end moves past however the days the year's notice gives off are read (``isRestNotFixedByLaw(_:)``).
  private let holidaysByLaw: Set<Int>

  /// Builds the calendar; throws when a schedule is invalid or a year is given twice.
  public init(schedules: [HolidaySchedule]) throws(ScheduleError) {
    var byYear: [Int: HolidaySchedule] = [:]
    for schedule in schedules {
      try schedule.validate()
      guard byYear[schedule.year] == nil else { throw .yearListedTwice(schedule.year) }
      byYear[schedule.year] = schedule
    }
    self.schedules = byYear
    base = CivilDate.earliest.dayNumber
    let count = CivilDate.latest.dayNumber - base + 1

    var kinds = [DayKind](repeating: .workday, count: count)
    for offset in 0..<count where CivilDate(dayNumber: base + offset).isWeekend { kinds[offset] = .weekend }
    var names: [Int: String] = [:]
    for year in CivilDate.earliest.year...CivilDate.latest.year where byYear[year] == nil {
      for (name, day) in StatutoryHolidays.restDays(in: year) where (CivilDate.earliest...CivilDate.latest).contains(day) {
        kinds[day.dayNumber - base] = .restDay
        names[day.dayNumber] = name
      }
    }
    for schedule in byYear.values {
      for holiday in schedule.holidays {
        for day in holiday.restDays.lowerBound.dayNumber...holiday.restDays.upperBound.dayNumber {
          kinds[day - base] = .restDay
          names[day] = holiday.name
        }
        for day in holiday.swappedWorkdays {
          kinds[day.dayNumber - base] = .swappedWorkday
          names[day.dayNumber] = holiday.name
        }
      }
    }

    let fixedByLaw = Set((CivilDate.earliest.year...CivilDate.latest.year).flatMap { year in
      StatutoryHolidays.fixedDays(in: year).lazy.map(\.day.dayNumber)
    })
    var before = [Int32](repeating: 0, count: count + 1)
    var unscheduled = [Int32](repeating: 0, count: count + 1)
    var settledWorking = [Int32](repeating: 0, count: count + 1)
    var swapped = [Int32](repeating: 0, count: count + 1)
    var offsets: [Int32] = []
    offsets.reserveCapacity(count * 5 / 7)
    for offset in 0..<count {
      let works = kinds[offset].isWorkingDay
      if works { offsets.append(Int32(offset)) }
      before[offset + 1] = before[offset] + (works ? 1 : 0)
      let day = CivilDate(dayNumber: base + offset)
      let settled = Self.awaitedSchedule(of: day, in: byYear) == nil || fixedByLaw.contains(day.dayNumber)
      unscheduled[offset + 1] = unscheduled[offset] + (settled ? 0 : 1)
      settledWorking[offset + 1] = settledWorking[offset] + (settled && works ? 1 : 0)
      swapped[offset + 1] = swapped[offset] + (kinds[offset] == .swappedWorkday ? 1 : 0)
    }
    self.kinds = kinds
    self.workingDaysBefore = before
    self.workingDayOffsets = offsets
    self.unscheduledDaysBefore = unscheduled
    self.settledWorkingDaysBefore = settledWorking
    self.swappedWorkdaysBefore = swapped
    self.holidayNames = names
    holidaysByLaw = fixedByLaw
  }

  // MARK: - Days

  /// What `date` is: a working day, a weekend, a holiday or a swapped workday. The calendar spans
  /// ``CivilDate/earliest`` through ``CivilDate/latest``, the days every date read from input is checked against; a
  /// date outside them is a programming error and traps, as an array index does.
  public func kind(of date: CivilDate) -> DayKind { kinds[date.dayNumber - base] }

  /// Whether 民法典 art. 203 moves a period's end past `date` only by reading a day off that the 放假办法 does not itself
  /// make a holiday as a 法定休假日, which legal-rules.md tags unverified (M): a Saturday or Sunday not worked, whether or
  /// not the year's notice lists it in a break (a notice may list the weekend at a break's edge or leave it out, "since
  /// it is a rest day anyway", cn-rest-days.md, so the listing says nothing in law), and a weekday the notice gives off
  /// in exchange for a weekend day worked (调休, 2025-10-07 and 08), or as a make-up day (补假), which the law grants but
  /// does not date.
  public func isRestNotFixedByLaw(_ date: CivilDate) -> Bool {
    !isWorkingDay(date) && !holidaysByLaw.contains(date.dayNumber)
  }

  /// Whether a period's working days count `date`; within ``CivilDate/earliest`` through ``CivilDate/latest``, as
  /// ``kind(of:)``.
  public func isWorkingDay(_ date: CivilDate) -> Bool { kinds[date.dayNumber - base].isWorkingDay }

  /// The holiday a rest day or swapped workday belongs to, e.g. 春节.
  public func holidayName(of date: CivilDate) -> String? { holidayNames[date.dayNumber] }

  /// Whether the official schedule of `year` is known.
  public func hasSchedule(for year: Int) -> Bool { schedules[year] != nil }

  /// The years with an official schedule, in order.
  public var scheduledYears: [Int] { schedules.keys.sorted() }

  // MARK: - Counting

  /// The `n`th working day after `date` (`n` ≥ 1): the deadline of a period of `n` working days that starts
  /// the day after `date`.
  public func workingDay(_ n: Int, after date: CivilDate) throws(PeriodError) -> CivilDate {
    let index = Int(workingDaysBefore[date.dayNumber - base + 1]) + n - 1
    guard n >= 1, index < workingDayOffsets.count else { throw .beyondCalendar(from: date, days: n) }
    return CivilDate(dayNumber: base + Int(workingDayOffsets[index]))
  }

  /// The first working day on or after `date`.
  public func workingDay(onOrAfter date: CivilDate) throws(PeriodError) -> CivilDate {
    if isWorkingDay(date) { return date }
    return try workingDay(1, after: date)
  }

  /// Working days `d` with `from < d ≤ through`; negative when `through` is before `from`. Both days lie within
  /// ``CivilDate/earliest`` through ``CivilDate/latest``, as for ``kind(of:)``.
  ///
  /// This is how far a disclosure on `through` is behind a deadline on `from`, or how many working days are
  /// left from `from` to a deadline on `through`.
  public func workingDays(from: CivilDate, through: CivilDate) -> Int {
    Int(workingDaysBefore[through.dayNumber - base + 1]) - Int(workingDaysBefore[from.dayNumber - base + 1])
  }

  /// Whether any day in `from ... through` lies in a year without an official schedule, or in the last week of
  /// a year whose next year has none, and is not a holiday the law itself fixes: 2027-01-01 alone is a rest day
  /// whatever the 2027 notice arranges.
  public func isProvisional(from: CivilDate, through: CivilDate) -> Bool {
    guard from <= through else { return false }
    return unscheduledDaysBefore[through.dayNumber - base + 1] != unscheduledDaysBefore[from.dayNumber - base]
  }

  /// Days `d` with `from < d ≤ through` that a schedule still missing may arrange (``isProvisional(from:through:)``).
  func unsettledDays(from: CivilDate, through: CivilDate) -> Int { count(unscheduledDaysBefore, from: from, through: through) }

  /// Swapped workdays (调休上班) `d` with `from < d ≤ through`.
  func swappedWorkdays(from: CivilDate, through: CivilDate) -> Int { count(swappedWorkdaysBefore, from: from, through: through) }

  /// Working days `d` with `from < d ≤ through` that are working days whatever the schedules still missing arrange.
  public func settledWorkingDays(from: CivilDate, through: CivilDate) -> Int {
    count(settledWorkingDaysBefore, from: from, through: through)
  }

  /// The days `d` with `from < d ≤ through` that a prefix count (`prefix[i]`: such days in `base ..< base + i`) counts.
  private func count(_ prefix: [Int32], from: CivilDate, through: CivilDate) -> Int {
    guard from < through else { return 0 }
    return Int(prefix[through.dayNumber - base + 1]) - Int(prefix[from.dayNumber - base + 1])
  }

  /// The years whose missing schedule makes `from ... through` provisional, for the warning.
  public func unscheduledYears(from: CivilDate, through: CivilDate) -> [Int] {
    guard from <= through else { return [] }
    var years = Set<Int>()
    for year in from.year...through.year {
      if schedules[year] == nil { years.insert(year) }
      // The next year's notice may move the last days of this one; there is no year after the last supported.
      if through >= Self.lastWeek(of: year), year < CivilDate.latest.year, schedules[year + 1] == nil { years.insert(year + 1) }
    }
    return years.sorted()
  }

  /// The years without a schedule that anything `finding` states rests on: its deadline, the working days late or
  /// overdue counted since it, or left to it, the day a 公示 may come down, and the runs of its publications. What a warning after a
  /// check or an export names, and the notes under what is marked 暂定.
  ///
  /// Asked of every finding of a register: the years are listed only for a finding that rests on one (an empty
  /// set allocates nothing). An output that does not state a count of working days leaves out the years only it
  /// rests on (``Finding/isProvisional(stating:)``).
  public func unscheduledYears(of finding: Finding, stating counts: Finding.StatedCounts = .all) -> Set<Int> {
    guard finding.isProvisional(stating: counts) else { return [] }
    var years = Set<Int>()
    if let deadline = finding.deadline {
      if deadline.isProvisional {
        years.formUnion(unscheduledYears(from: finding.milestone.formedOn, through: deadline.date))
      }
      if counts.contains(.late) && finding.latenessIsProvisional {
        years.formUnion(unscheduledYears(from: deadline.date, through: finding.disclosure?.publishedOn ?? finding.asOf))
      }
      if counts.contains(.left) && finding.daysLeftIsProvisional {
        years.formUnion(unscheduledYears(from: finding.asOf.adding(days: 1), through: deadline.date))
      }
    }
    if let start = finding.minimumStart, let end = finding.minimumEnd, end.isProvisional {
      years.formUnion(unscheduledYears(from: start, through: end.date))
    }
    // Which run of a 公示 is judged may turn on the rest days between its publications, or since the last came down,
    // which no date of the finding spans: the years from its first publication on, when no date named one.
    if years.isEmpty, let first = finding.milestone.disclosures.lazy.map(\.publishedOn).filter({ $0 <= finding.asOf }).min() {
      years.formUnion(unscheduledYears(from: first, through: finding.asOf))
    }
    return years
  }

  /// The first of the days at the end of `year` that the next year's notice may still move.
  static func lastWeek(of year: Int) -> CivilDate { CivilDate(unchecked: year, 12, 31).adding(days: -6) }

  /// The year whose missing schedule leaves `day` unsettled: its own, else, in the last week of December, the
  /// next one; `nil` when both are known.
  private static func awaitedSchedule(of day: CivilDate, in schedules: [Int: HolidaySchedule]) -> Int? {
    if schedules[day.year] == nil { return day.year }
    if day >= lastWeek(of: day.year), schedules[day.year + 1] == nil { return day.year + 1 }
    return nil
  }
}

/// A period that cannot be computed.
public enum PeriodError: Error, Equatable, Sendable, CustomStringConvertible {
  case beyondCalendar(from: CivilDate, days: Int)
  case lengthOutOfRange(Int)
  case lengthGivenToTriggerDay(Int)

  public var description: String {
    switch self {
    case .beyondCalendar(let from, let days):
      "\(days) day\(days == 1 ? "" : "s") after \(from) is beyond the last supported day \(CivilDate.latest)"
    case .lengthOutOfRange(let days):
      "\(days) is not a usable number of days; use a whole number from 1 to \(Period.maximumLength)"
    case .lengthGivenToTriggerDay(let days):
      "\(days) days by the trigger day is not a period; a period by the trigger day has no days: write 'by-trigger-day'"
    }
  }
}
