/// One year's official holiday arrangement (国务院办公厅关于部分节假日安排的通知).
///
/// The State Council publishes each year's schedule in the autumn before. A schedule lists the holidays, each
/// with its rest days and the weekend days worked in exchange (调休上班). The calendar turns schedules into
/// working days; a year without one is counted on weekends and the holidays the law fixes (``StatutoryHolidays``),
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
    /// Why the holiday gives more or fewer days off than the law and its swapped workdays account for (a later
    /// notice extending it, as 2020's 春节 was): what ``makeUpProblems()`` would otherwise warn of.
    public var note: String?

    public init(name: String, restDays: ClosedRange<CivilDate>, swappedWorkdays: [CivilDate] = [], note: String? = nil) {
      self.name = name
      self.restDays = restDays
      self.swappedWorkdays = swappedWorkdays
      self.note = note
    }

    /// The weekdays (Monday to Friday) among the rest days.
    var weekdaysOff: Int {
      (0...restDays.lowerBound.days(to: restDays.upperBound)).count { !restDays.lowerBound.adding(days: $0).isWeekend }
    }
  }

  /// A day the schedule lists: a rest day or a swapped workday, of a holiday.
  public struct ListedDay: Hashable, Sendable, CustomStringConvertible {
    public let day: CivilDate
    public let kind: DayKind
    public let holiday: String

    /// `workday 2026-02-28 (春节)`.
    public var description: String { "\(kind == .swappedWorkday ? "workday" : "rest day") \(day) (\(holiday))" }
  }

  /// Every day the schedule lists, in order.
  public var listedDays: [ListedDay] {
    holidays.flatMap { holiday in
      (0...holiday.restDays.lowerBound.days(to: holiday.restDays.upperBound)).map {
        ListedDay(day: holiday.restDays.lowerBound.adding(days: $0), kind: .restDay, holiday: holiday.name)
      } + holiday.swappedWorkdays.map { ListedDay(day: $0, kind: .swappedWorkday, holiday: holiday.name) }
    }.sorted { $0.day < $1.day }
  }

  /// The days `other` (another schedule of the year) lists as this one does not, and those it leaves out or lists
  /// as the other kind of day: what a file replacing an official schedule changes in it.
  public func changes(to other: HolidaySchedule) -> (added: [ListedDay], dropped: [ListedDay]) {
    let mine = Dictionary(listedDays.map { ($0.day, $0.kind) }, uniquingKeysWith: { first, _ in first })
    let theirs = Dictionary(other.listedDays.map { ($0.day, $0.kind) }, uniquingKeysWith: { first, _ in first })
    return (other.listedDays.filter { mine[$0.day] != $0.kind }, listedDays.filter { theirs[$0.day] != $0.kind })
  }

  /// Checks what any official schedule satisfies, so that a typing mistake in a new year's file cannot
  /// silently move deadlines: every day lies in the year, no day is listed twice, swapped workdays fall on
  /// weekends, a holiday has a name and no rest period runs longer than a fortnight.
  public func validate() throws(ScheduleError) {
    if let first = problems().first { throw first.error }
  }

  /// How a listing names a day: its holiday, and whether as a rest day or a swapped workday.
  private static func listing(_ holiday: String, workday: Bool) -> String {
    let kind = workday ? "workday" : "rest day"
    return holiday.isBlank ? "a \(kind) of a holiday without a name" : "\(holiday) \(kind)"
  }

  /// Every way the schedule breaks what ``validate()`` checks, in order, each with the holiday and day it concerns,
  /// so that a file reader can name the line to fix. A rest period yields at most one problem: a range typed
  /// across the year's end would otherwise give one per day.
  public func problems() -> [ScheduleProblem] {
    guard (CivilDate.earliest.year...CivilDate.latest.year).contains(year) else {
      return [ScheduleProblem(error: .yearOutOfRange(year), holiday: nil, workday: nil)]
    }
    // Every day of another year, one year: `year:` is what is wrong, said once rather than for every day.
    // (Not for a lone holiday: a 元旦 of the year before belongs in that year's file, which its own problem says.)
    let listed = holidays.flatMap { [$0.restDays.lowerBound, $0.restDays.upperBound] + $0.swappedWorkdays }
    if holidays.count > 1, let other = listed.first?.year, other != year, listed.allSatisfy({ $0.year == other }) {
      return [ScheduleProblem(error: .everyDayInAnotherYear(year: year, days: other), holiday: nil, workday: nil)]
    }
    var problems: [ScheduleProblem] = []
    var seen: [CivilDate: String] = [:]
    for (index, holiday) in holidays.enumerated() {
      /// Records `day` as the holiday's; false, with the problem noted, when it cannot be.
      func claim(_ day: CivilDate, workday: Int?) -> Bool {
        let error: ScheduleError
        if day.year != year {
          error = .dayOutsideYear(day, holiday: holiday.name, year: year)
        } else if let other = seen[day] {
          error = .dayListedTwice(day, as: [other, Self.listing(holiday.name, workday: workday != nil)])
        } else {
          seen[day] = Self.listing(holiday.name, workday: workday != nil)
          return true
        }
        problems.append(ScheduleProblem(error: error, holiday: index, workday: workday))
        return false
      }
      if holiday.name.isBlank {
        problems.append(ScheduleProblem(error: .unnamedHoliday(holiday.restDays.lowerBound), holiday: index, workday: nil))
      }
      let length = holiday.restDays.lowerBound.days(to: holiday.restDays.upperBound) + 1
      if length > 14 {
        problems.append(ScheduleProblem(error: .restPeriodTooLong(holiday.name, days: length), holiday: index, workday: nil))
      } else {
        for offset in 0..<length where !claim(holiday.restDays.lowerBound.adding(days: offset), workday: nil) { break }
      }
      for (number, day) in holiday.swappedWorkdays.enumerated() {
        guard day.isWeekend else {
          problems.append(ScheduleProblem(error: .swappedWorkdayNotWeekend(day, holiday: holiday.name), holiday: index, workday: number))
          continue
        }
        _ = claim(day, workday: number)
      }
    }
    return problems
  }
}

extension HolidaySchedule {
  /// The holidays not named as the notices name them: one of the 办法's, or several that share a rest period joined by
  /// `/` (中秋节/国庆节). A file's names are shown in explanations and exports, where a typo (春结) would be published.
  /// Blank names are ``problems()``'s. Kept apart from it, as a schedule built in code may name its periods otherwise.
  public func nameProblems() -> [ScheduleProblem] {
    holidays.indices.filter { !holidays[$0].name.isBlank && !StatutoryHolidays.isHolidayName(holidays[$0].name) }.map {
      ScheduleProblem(error: .unknownHolidayName(holidays[$0].name), holiday: $0, workday: nil)
    }
  }

  /// The days the law fixes as holidays (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节: ``StatutoryHolidays``) that
  /// the schedule leaves out: listed as a swapped workday, or in no rest period. A file replacing a year replaces it
  /// whole, so one that lists only a new 元旦 would otherwise drop the rest; no notice works these days, and every
  /// notice lists each of them in a rest period (the shipped 2018-2026 schedules do). One on a Saturday or Sunday is
  /// a rest day anyway, but the law makes it up on a working day (办法第六条), which only the holiday's listing
  /// places: left out, 2027's 劳动节 (a Saturday and a Sunday) would make its make-up days of May 3 and 4 workdays
  /// and every deadline across them two days early, unmarked. The lunar holidays are checked only in the years
  /// whose dates ``StatutoryHolidays`` knows (2008-2070).
  ///
  /// Kept apart from ``problems()``: a schedule built in code need not be a whole year, a file must be. The days a
  /// holiday misses make one problem: a holiday left out, or a typo in its first day, is one thing to fix.
  public func statutoryProblems() -> [ScheduleProblem] {
    var found: [ScheduleProblem] = []
    for fixed in StatutoryHolidays.fixedDays(in: year) {
      if let worked = workedProblem(fixed.day, holiday: fixed.name) {
        found.append(worked)
        continue
      }
      guard !holidays.contains(where: { $0.restDays.contains(fixed.day) }) else { continue }
      if let last = found.last, case .statutoryHolidayMissing(let days, fixed.name, let listed) = last.error {
        found[found.count - 1] = ScheduleProblem(error: .statutoryHolidayMissing(days + [fixed.day], holiday: fixed.name, listedAs: listed),
                                                 holiday: last.holiday, workday: nil)
        continue
      }
      // Listed under its own name with a rest period that misses the day (a typo in its dates): that period is what to
      // fix. One sharing a period with another (中秋节/国庆节) that misses its day is better listed on its own.
      let listed = holidays.firstIndex { $0.name == fixed.name }
      found.append(ScheduleProblem(
        error: .statutoryHolidayMissing([fixed.day], holiday: fixed.name, listedAs: listed.map { holidays[$0].restDays }),
        holiday: listed, workday: nil))
    }
    return found
  }

  /// What a notice would not write, though it passes every check of ``problems()``: swapped workdays more than three
  /// weeks from their holiday's rest days (07-31 typed for 01-31), and holidays, without a ``Holiday/note``, whose
  /// weekdays off less their swapped workdays (net) are not the days the law fixes in their rest period.
  ///
  /// Notices balance the year: a holiday day on a weekend is made up on a weekday (办法第六条), and each weekday off
  /// beyond is paid for by a weekend day worked, so 2026's 春节 (15-23 February) gives six weekdays off for two swapped
  /// workdays, net the four days of the law. A file that leaves the make-up days of 2027's 劳动节 out (1-2 May, a
  /// weekend), or runs 清明节 to the 15th for the 5th, moves deadlines across it. The balance is the year's, not each
  /// holiday's: 2015's Sunday 中秋节 was made up inside 国庆节, one holiday a day short and the other a day over. So
  /// holidays are named only when the year's net is off, and those touching 1 January or 31 December are left out of
  /// it, their swapped workdays perhaps in the other year's file (2012's 元旦 worked 31 December 2011), which the format
  /// cannot hold. The shipped 2018-2026 schedules keep it, but for 2020's 春节, which a later notice extended (its note
  /// says so). Checked only in the years whose lunar holidays ``StatutoryHolidays`` knows.
  public func makeUpProblems() -> [ScheduleProblem] {
    guard StatutoryHolidays.lunarYears.contains(year) else { return [] }
    let fixed = StatutoryHolidays.fixedDays(in: year).map(\.day)
    guard !fixed.isEmpty else { return [] }
    // A swapped workday typed a month off keeps the balance, but not its place beside the holiday; a note excuses
    // the count of days, not a date.
    let far = holidays.indices.flatMap { index in
      let holiday = holidays[index]
      return holiday.swappedWorkdays.indices.compactMap { number -> ScheduleProblem? in
        let day = holiday.swappedWorkdays[number]
        let distance = day < holiday.restDays.lowerBound
          ? day.days(to: holiday.restDays.lowerBound) : holiday.restDays.upperBound.days(to: day)
        guard distance > Self.longestSwapDistance else { return nil }
        return ScheduleProblem(error: .swappedWorkdayFar(day, holiday: holiday.name, rest: holiday.restDays, days: distance),
                               holiday: index, workday: number)
      }
    }
    let yearEnds = [CivilDate(unchecked: year, 1, 1), CivilDate(unchecked: year, 12, 31)]
    let counted = holidays.indices.filter { index in
      holidays[index].note == nil && !yearEnds.contains { holidays[index].restDays.contains($0) }
    }
    let balances = counted.map { index in
      let holiday = holidays[index]
      return (index: index, net: holiday.weekdaysOff - holiday.swappedWorkdays.count, lawful: fixed.count { holiday.restDays.contains($0) })
    }
    guard balances.reduce(0, { $0 + $1.net - $1.lawful }) != 0 else { return far }
    let unbalanced = balances.filter { $0.net != $0.lawful }.map { balance in
      let holiday = holidays[balance.index]
      return ScheduleProblem(
        error: .restDaysUnbalanced(holiday.name, rest: holiday.restDays, weekdaysOff: holiday.weekdaysOff,
                                   workdays: holiday.swappedWorkdays.count, lawful: balance.lawful),
        holiday: balance.index, workday: nil)
    }
    return (unbalanced + far).sorted { ($0.holiday ?? 0, $0.workday ?? -1) < ($1.holiday ?? 0, $1.workday ?? -1) }
  }

  /// How far, in days, a swapped workday may lie from its holiday's rest days: three weeks, where the shipped
  /// schedules keep within 11 days (2026-09-20 before 国庆节).
  static let longestSwapDistance = 21

  /// An earlier year the `source:` names (`2026年`) when it names none as the schedule's own: the notice of the year
  /// before, left in a file copied from its. (A later year is no mistake: the 2027 notice moves days of 2026 into
  /// its 元旦, and a 2026 file holding them may cite it.)
  public var earlierYearCited: Int? {
    // A year followed by a month is a date (the day the notice was issued, in the year before), not the year it is for.
    let years = source.matches(of: /(\d+)年(\d{1,2}月)?/).compactMap { match -> Int? in
      match.output.2 == nil && match.output.1.count == 4 ? Int(match.output.1) : nil
    }
    return years.contains(year) ? nil : years.first { $0 < year }
  }

  /// A fixed holiday listed as a swapped workday, named at that workday.
  private func workedProblem(_ day: CivilDate, holiday name: String) -> ScheduleProblem? {
    for (index, holiday) in holidays.enumerated() {
      if let number = holiday.swappedWorkdays.firstIndex(of: day) {
        return ScheduleProblem(error: .statutoryHolidayWorked(day, holiday: name, listedUnder: holiday.name), holiday: index, workday: number)
      }
    }
    return nil
  }
}

/// A problem of a schedule and where it lies: the holiday (an index into `holidays`) and, for a swapped workday,
/// its index among the holiday's; neither for the year itself, no workday for the rest period.
public struct ScheduleProblem: Equatable, Sendable {
  public let error: ScheduleError
  public let holiday: Int?
  public let workday: Int?

  public init(error: ScheduleError, holiday: Int?, workday: Int?) {
    self.error = error
    self.holiday = holiday
    self.workday = workday
  }
}

/// A holiday schedule that no official notice could have produced.
public enum ScheduleError: Equatable, Sendable, PointsToReferenceList {
  case yearOutOfRange(Int)
  case dayOutsideYear(CivilDate, holiday: String, year: Int)
  /// The day, and how each listing names it (`春节 rest day`, `春节 workday`).
  case dayListedTwice(CivilDate, as: [String])
  case swappedWorkdayNotWeekend(CivilDate, holiday: String)
  case unnamedHoliday(CivilDate)
  case restPeriodTooLong(String, days: Int)
  case yearListedTwice(Int)
  /// The days of one holiday the law fixes that no rest period holds, in order; `listedAs`, the rest period of the
  /// holiday of its name, when listed.
  case statutoryHolidayMissing([CivilDate], holiday: String, listedAs: ClosedRange<CivilDate>?)
  case statutoryHolidayWorked(CivilDate, holiday: String, listedUnder: String)
  case everyDayInAnotherYear(year: Int, days: Int)
  case unknownHolidayName(String)
  /// The holiday, its rest period, its weekdays off, its swapped workdays and the days the law fixes in the period.
  case restDaysUnbalanced(String, rest: ClosedRange<CivilDate>, weekdaysOff: Int, workdays: Int, lawful: Int)
  /// A swapped workday more than ``HolidaySchedule/longestSwapDistance`` days from its holiday's rest days.
  case swappedWorkdayFar(CivilDate, holiday: String, rest: ClosedRange<CivilDate>, days: Int)

  public var description: String {
    switch self {
    case .yearOutOfRange(let year):
      "year \(year) is outside \(CivilDate.earliest.year)...\(CivilDate.latest.year)"
    case .dayOutsideYear(let day, let holiday, let year):
      Self.labelled(holiday, "day \(day) is not in \(year); a schedule lists only days of its own year"
        + (day.year < year ? "; days of \(day.year) that a notice moves go in the schedule of \(day.year)" : ""))
    case .dayListedTwice(let day, let listings):
      "day \(day) is listed twice (\(listings.joined(separator: ", "))); list each day once"
    case .swappedWorkdayNotWeekend(let day, let holiday):
      Self.labelled(holiday,
        "swapped workday \(day) is a \(day.weekday.englishName) but swapped workdays are always a Saturday or Sunday; "
          + "check its date against the notice")
    case .unnamedHoliday(let day): "the holiday starting \(day) has no name; give it its official name, e.g. 春节"
    case .restPeriodTooLong(let name, let days):
      Self.labelled(name, "a rest period of \(days) days is too long for an official holiday; check the first and last day")
    case .yearListedTwice(let year): "year \(year) has two schedules; keep one file per year"
    case .statutoryHolidayMissing(let days, let holiday, let listed):
      MissingHolidayDays(days: days, holiday: holiday).description(listedAs: listed)
    case .everyDayInAnotherYear(let year, let days):
      "year \(year), but every day listed is in \(days): give `year: \(days)`, or the days of \(year)"
    case .unknownHolidayName(let name):
      "'\(name)' is no holiday of \(StatutoryHolidays.basis); name it \(StatutoryHolidays.chineseNames) as the notice does "
        + "(two that share a rest period joined by /, e.g. 中秋节/国庆节)"
    case .restDaysUnbalanced(let name, let rest, let weekdaysOff, let workdays, let lawful):
      Self.labelled(name, """
        \(rest.lowerBound)..\(rest.upperBound) gives \(weekdaysOff) weekday\(weekdaysOff == 1 ? "" : "s") off for \(workdays) swapped \
        workday\(workdays == 1 ? "" : "s"), net \(weekdaysOff - workdays), where notices give the \(lawful) day\(lawful == 1 ? "" : "s") \
        the law fixes in it (one on a weekend made up on a weekday, 办法第六条), and the year's holidays do not make up the \
        difference; check the rest days and the workdays against the notice, or, where the notice does give them so, say \
        why in a `note:` of the holiday
        """)
    case .swappedWorkdayFar(let day, let holiday, let rest, let days):
      Self.labelled(holiday, """
        swapped workday \(day) is \(days) days from the rest days \(rest.lowerBound)..\(rest.upperBound), where every notice puts \
        them within three weeks of each other; check its month and day against the notice
        """)
    case .statutoryHolidayWorked(let day, let holiday, let listedUnder):
      Self.labelled(listedUnder,
        "swapped workday \(day) is \(holiday), a holiday \(StatutoryHolidays.basis) fixes, which no notice makes a workday; remove it from the workdays and list \(holiday) with its rest days")
    }
  }

  public var seeAlso: ReferenceList? {
    if case .dayOutsideYear(let day, _, let year) = self, day.year < year { .schedule(year: day.year) } else { nil }
  }

  /// Prefixes a problem with its holiday's name; a holiday without one is already reported as unnamed.
  private static func labelled(_ holiday: String, _ problem: String) -> String {
    holiday.isBlank ? problem : "\(holiday): \(problem)"
  }
}

extension String {
  /// Empty or only white space: a holiday name that names nothing.
  fileprivate var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

/// The words for the days of a holiday a schedule leaves out: one day or several, some on a weekend, which the law
/// makes up on a working day that only the holiday's listing places.
private struct MissingHolidayDays {
  let days: [CivilDate]
  let holiday: String

  func description(listedAs listed: ClosedRange<CivilDate>?) -> String {
    let them = days.count == 1 ? "it" : "them"
    let named = "\(Self.list(days)) \(days.count == 1 ? "is" : "are") \(holiday), a holiday \(StatutoryHolidays.basis) fixes\(weekendNote)"
    let makeUp = weekends.isEmpty ? "" : weekends.count == 1 ? " and its make-up day" : " and their make-up days"
    if let listed {
      return "\(named), but the rest period listed for it, \(listed.lowerBound)..\(listed.upperBound), leaves \(them) out; "
        + "give its rest days as the notice does, \(Self.list(days))\(makeUp) included"
    }
    let whole = "as the notice does (a file replaces its whole year: list every holiday)"
    if weekends.isEmpty {
      return "\(named), but this schedule leaves \(days.count == 1 ? "it a working day" : "them working days"); "
        + "list \(holiday) with a rest period that includes \(them), \(whole)"
    }
    return "\(named), but this schedule lists no rest period with \(them); "
      + "list \(holiday) with its rest days, \(weekends.count == 1 ? "the make-up day" : "the make-up days") included, \(whole)"
  }

  private var weekends: [CivilDate] { days.filter(\.isWeekend) }

  /// `(on a Sunday, made up on a working day)`, or for several days which of them fall on a weekend.
  private var weekendNote: String {
    guard !weekends.isEmpty else { return "" }
    if days.count == 1 { return " (on a \(days[0].weekday.englishName), made up on a working day)" }
    let which = weekends.map { "\($0) on a \($0.weekday.englishName)" }.joined(separator: " and ")
    return " (\(which), made up on \(weekends.count == 1 ? "a working day" : "working days"))"
  }

  /// The days as a schedule file writes them: a run of consecutive days as `first..last`.
  private static func list(_ days: [CivilDate]) -> String {
    var runs: [ClosedRange<CivilDate>] = []
    for day in days {
      if let run = runs.last, run.upperBound.adding(days: 1) == day {
        runs[runs.count - 1] = run.lowerBound...day
      } else {
        runs.append(day...day)
      }
    }
    return runs.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)..\($0.upperBound)" }
      .joined(separator: ", ")
  }
}
